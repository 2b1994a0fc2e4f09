import { loadConfig, type AppConfig } from '../../src/config.js';

export const DEMO_PASSWORD = 'demo1234';

/** Configuration for tests: quiet, demo password fixed, generous rate limits unless a test says otherwise. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = loadConfig({
    NODE_ENV: 'test',
    CAUNOI_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_MAX: '10000',
  });
  return {
    ...base,
    ...overrides,
    login: { ...base.login, ...overrides.login },
    session: { ...base.session, ...overrides.session },
  };
}
