import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('the demo data setting', () => {
  it('fills everything by default, the accounts only when asked, nothing when turned off', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).demoSeed).toBe('all');
    expect(loadConfig({ NODE_ENV: 'development', CAUNOI_DEMO_SEED: 'accounts' }).demoSeed).toBe(
      'accounts',
    );
    expect(loadConfig({ NODE_ENV: 'development', CAUNOI_DEMO_SEED: 'false' }).demoSeed).toBe(
      'none',
    );
  });

  it('never writes demo data in production', () => {
    const env = {
      NODE_ENV: 'production',
      CAUNOI_DEMO_SEED: 'true',
      DATABASE_URL: 'postgres://x/y',
    };
    expect(loadConfig(env).demoSeed).toBe('none');
  });
});
