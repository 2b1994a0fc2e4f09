/**
 * The users of the grid-save benchmark, run in a worker thread (plain JavaScript, so that it
 * starts the same under node and tsx): they sign in and open their report, as the page does; then
 * each sends a request, waits for the whole answer, thinks, and sends the next, for a fixed time.
 * First `GET /api/health`, then the same saves through a bare handler (the floor), then the
 * platform's saves. Each phase starts with a warm-up whose requests are not counted, as load
 * tools ramp up: the server's code is compiled as it runs.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** @param {number[]} sorted @param {number} p */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** @param {number} ms */
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {import('./statistics-grid.js').LoadInput} input
 * @returns {Promise<import('./statistics-grid.js').LoadResult[]>}
 */
async function load({ base, bareBase, slots, values, thinkMs, warmupMs, durationMs }) {
  const sessions = await Promise.all(
    slots.map(async (s) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: s.username, password: 'demo1234' }),
      });
      if (res.status !== 200)
        throw new Error(`login ${s.username}: ${res.status} ${await res.text()}`);
      const body = await res.json();
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const headers = { cookie, 'x-csrf-token': body.csrfToken };
      const report = await fetch(
        `${base}/api/v1/statistics/reports?formId=${s.formId}&unitId=${encodeURIComponent(s.unitId)}&periodCode=2025`,
        { headers },
      );
      if (report.status !== 200) throw new Error(`report ${s.username}: ${report.status}`);
      await report.arrayBuffer();
      return { ...s, headers };
    }),
  );
  /**
   * @param {string} label
   * @param {(s: (typeof sessions)[number], n: number) => Promise<Response>} request
   */
  const run = async (label, request) => {
    /** @type {number[]} */
    const latencies = [];
    let errors = 0;
    let warmup = 0;
    const counted = Date.now() + warmupMs;
    const until = counted + durationMs;
    await Promise.all(
      sessions.map(async (s, i) => {
        // Users do not start in step: spread the first request over one think time.
        await pause((i * thinkMs) / sessions.length);
        let n = 0;
        while (Date.now() < until) {
          const startedAt = Date.now();
          const started = performance.now();
          const res = await request(s, n++);
          const body = await res.arrayBuffer();
          if (startedAt >= counted) latencies.push(performance.now() - started);
          else warmup++;
          if (res.status !== 200 && errors++ === 0) {
            console.error(
              `${label}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`,
            );
          }
          await pause(thinkMs * (0.5 + Math.random()));
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return {
      label,
      requests: latencies.length,
      warmup,
      errors,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
    };
  };
  const baseline = await run('baseline: GET /api/health', () => fetch(`${base}/api/health`));
  /**
   * @param {string} to
   * @returns {(s: (typeof sessions)[number], n: number) => Promise<Response>}
   */
  const saving = (to) => (s, n) =>
    fetch(`${to}/api/v1/statistics/reports/values`, {
      method: 'PUT',
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        formId: s.formId,
        unitId: s.unitId,
        periodCode: '2025',
        values: Array.from({ length: values }, (_, k) => ({
          indicatorCode: `${s.prefix}${String(k + 1).padStart(3, '0')}`,
          optionCode: '',
          // Every save changes every value: the heaviest save a user can make.
          value: (k + 1) % 3 === 0 ? `${n},${k % 10}` : String(n * 1000 + k),
        })),
      }),
    });
  const bare = await run(
    `baseline: the same batches' database work from a bare handler (${values} values)`,
    saving(bareBase),
  );
  const save = await run(`PUT /api/v1/statistics/reports/values (${values} values)`, saving(base));
  return [baseline, bare, save];
}

if (parentPort) {
  parentPort.postMessage(await load(workerData));
}
