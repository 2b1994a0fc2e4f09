import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';

// Every operation in the OpenAPI document, checked for what all of them must do: refuse an
// anonymous caller with 401 (unless public), and answer errors in the one documented shape.

let t: TestApp;
let officer: Client;
let operations: Array<{ method: string; path: string; public: boolean }>;

const PUBLIC = new Set(['GET /api/health', 'POST /api/v1/auth/login', 'GET /api/v1/auth/session']);

/** A well-formed value for each path parameter, so that only authentication is in question. */
function fill(path: string): string {
  return path
    .replace(
      '{id}',
      path.startsWith('/api/v1/units') ? '31@2025-07-01' : '00000000-0000-4000-8000-000000000000',
    )
    .replace(/\{[^}]+\}/g, '1');
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('hp.chuyenvien');
  const doc = (await t.anonymous.get('/api/docs/json')).body as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => {
      const method = m.toUpperCase();
      return { method, path, public: PUBLIC.has(`${method} ${path}`) };
    }),
  );
});
afterAll(() => t.close());

describe('the API as a whole', () => {
  it('documents every operation in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(35);
    const listed = operations.map((o) => `${o.method} ${o.path}`);
    for (const expected of [
      'GET /api/v1/units',
      'GET /api/v1/units/{id}/lineage',
      'POST /api/v1/auth/login',
      'GET /api/v1/organisations',
      'PATCH /api/v1/people/{id}',
      'POST /api/v1/role-assignments/{id}/rescope',
      'GET /api/v1/audit',
    ]) {
      expect(listed).toContain(expected);
    }
  });

  it('answers 401 with the error shape to an anonymous caller on every non-public operation', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => !o.public)) {
      const res = await t.anonymous.request(
        op.method as 'GET',
        fill(op.path),
        op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
      );
      if (
        res.status !== 401 ||
        res.body?.error?.code !== 'UNAUTHENTICATED' ||
        typeof res.body.error.message !== 'string'
      ) {
        failures.push(
          `${op.method} ${op.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 INVALID_TOKEN to a bad bearer token on every non-public operation', async () => {
    const bad = t.withToken('cn_not-a-real-token');
    const failures: string[] = [];
    for (const op of operations.filter((o) => !o.public)) {
      const res = await bad.request(
        op.method as 'GET',
        fill(op.path),
        op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
      );
      if (res.status !== 401 || res.body?.error?.code !== 'INVALID_TOKEN')
        failures.push(`${op.method} ${op.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('never answers 500 to a signed-in caller sending empty or malformed input, and shapes every error', async () => {
    const failures: string[] = [];
    // Signing out would end the session the loop runs on.
    const writes = operations.filter((o) => o.method !== 'GET' && o.path !== '/api/v1/auth/logout');
    for (const op of writes) {
      for (const body of [{}, { unexpected: '\u0000' }, []]) {
        const res = await officer.request(op.method as 'POST', fill(op.path), body);
        // Actions without a body (sign out, mark all read) may succeed; failures must be shaped.
        const shaped = res.status < 400 || typeof res.body?.error?.code === 'string';
        if (res.status >= 500 || !shaped) {
          failures.push(`${op.method} ${op.path} ${JSON.stringify(body)} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 404 ROUTE_NOT_FOUND in the error shape for an unknown API address', async () => {
    const res = await officer.get('/api/v1/khong-co');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers 400 in Vietnamese to a malformed JSON body', async () => {
    const res = await officer.request('POST', '/api/v1/organisations', '{"kind":', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/JSON/);
  });
});
