import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/app.js';
import { createDeps } from '../../src/bootstrap.js';
import type { AppConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/core/deps.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { SESSION_COOKIE } from '../../src/http/authentication.js';
import { adminQuery, databaseUrl } from './global-setup.js';
import { DEMO_PASSWORD, testConfig } from './test-config.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Reply {
  status: number;
  body: any;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

/** A caller of the API: anonymous, a signed-in browser session (cookie + CSRF) or an API token. */
export class Client {
  constructor(
    readonly app: App,
    private readonly auth: { cookie?: string; csrf?: string; token?: string } = {},
  ) {}

  get csrfToken(): string | undefined {
    return this.auth.csrf;
  }

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const h: Record<string, string> = { ...headers };
    if (this.auth.cookie) h.cookie = `${SESSION_COOKIE}=${this.auth.cookie}`;
    if (this.auth.csrf && method !== 'GET' && !('x-csrf-token' in h))
      h['x-csrf-token'] = this.auth.csrf;
    if (this.auth.token) h.authorization = `Bearer ${this.auth.token}`;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    let parsed: unknown = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && res.body)
      parsed = res.json();
    return { status: res.statusCode, body: parsed, headers: res.headers, raw: res };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body ?? {}, headers);
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body ?? {}, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }

  /** The same session without its CSRF token (to prove writes need it). */
  withoutCsrf(): Client {
    return new Client(this.app, { cookie: this.auth.cookie });
  }
}

export interface TestApp {
  app: App;
  deps: AppDeps;
  database: Database;
  anonymous: Client;
  /** Signs in (demo password by default) and returns the session's client. */
  login(username: string, password?: string): Promise<Client>;
  withToken(token: string): Client;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  now?: () => Date;
}

/**
 * A fresh copy of the prepared test database (migrated, with reference and demo data) behind a
 * fully built app, on the embedded engine or on PostgreSQL depending on the test project.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  let database: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.CAUNOI_TEST_DB === 'postgres') {
    const { url, name: template } = inject('pgTemplate');
    const name = `caunoi_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    database = await openDatabase({ url: databaseUrl(url, name), poolMax: 4 });
    dropDatabase = () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    database = await openDatabase({
      embedded: { loadDataDir: readFileSync(inject('templateFile')) },
    });
  }
  const deps = await createDeps(testConfig(options.config), database, options.now);
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();

  const login = async (username: string, password = DEMO_PASSWORD): Promise<Client> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200)
      throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    return new Client(app, { cookie, csrf: res.json().csrfToken });
  };

  return {
    app,
    deps,
    database,
    anonymous: new Client(app),
    login,
    withToken: (token) => new Client(app, { token }),
    async close() {
      await app.close();
      await database.close();
      await dropDatabase?.();
    },
  };
}
