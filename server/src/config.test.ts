import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

const read = (env: NodeJS.ProcessEnv) => {
  const res = readConfig(env, '/srv/rounds');
  if (!res.ok) throw new Error(res.message);
  return res.config;
};

describe('server configuration', () => {
  it('demo mode is on by default only on the embedded database', () => {
    expect(read({})).toMatchObject({ seedDemo: true, demoMode: true });
    expect(read({ DATABASE_URL: 'postgres://db/rounds' })).toMatchObject({ seedDemo: false, demoMode: false });
    expect(read({ DATABASE_URL: 'postgres://db/rounds', SEED_DEMO: 'true' })).toMatchObject({ seedDemo: true, demoMode: true });
    expect(read({ SEED_DEMO: 'false' })).toMatchObject({ seedDemo: false, demoMode: false });
  });

  it('refuses a SEED_DEMO that is neither true nor false, in a sentence', () => {
    expect(readConfig({ SEED_DEMO: 'maybe' }, '/srv')).toEqual({ ok: false, message: 'SEED_DEMO must be true or false, not "maybe".' });
  });
});
