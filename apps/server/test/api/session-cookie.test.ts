import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness.js';

/** A business clock far from the machine's: the date a browser test moves the server to. */
const CLOCK = new Date('2026-01-20T02:00:00Z');

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: () => CLOCK });
});
afterAll(() => t.close());

describe('the session cookie', () => {
  it('tells the browser how long it lasts, not only until when by the server’s clock', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', {
      username: 'hp.chuyenvien',
      password: 'demo1234',
    });
    expect(res.status).toBe(200);
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('caunoi_sid='));
    expect(cookie).toBeDefined();
    // Twelve hours (the default absolute lifetime), counted by the browser from now.
    expect(cookie).toMatch(/;\s*Max-Age=43200(;|$)/i);
    expect(cookie).toMatch(/Expires=Tue, 20 Jan 2026 14:00:00 GMT/);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('refuses a wrong password without setting a cookie', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', {
      username: 'hp.chuyenvien',
      password: 'sai-mat-khau',
    });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
