import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, parseConfig } from '../../src/config.ts';
import { createLogger, memoryDestination } from '../../src/log.ts';

describe('config', () => {
  it('gives working defaults on an empty environment', () => {
    const config = parseConfig({});
    expect(config.STORE_URL).toBe('sqlite://data/casewatch.sqlite');
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.POLL_INTERVAL_MINUTES).toBe(5);
    expect(config.ALLOW_PRIVATE_URLS).toBe(false);
  });

  it('names the variable in one line when a value is bad, without echoing the value', () => {
    expect(() => parseConfig({ STORE_URL: 'mongodb://x' })).toThrow(/^Invalid configuration: STORE_URL /);
    expect(() => parseConfig({ POLL_INTERVAL_MINUTES: '0' })).toThrow(/POLL_INTERVAL_MINUTES/);
    expect(() => parseConfig({ DISCORD_GUILD_ID: 'abc' })).toThrow(/DISCORD_GUILD_ID/);
    const secret = 'short secret';
    try {
      parseConfig({ DISCORD_TOKEN: secret });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).toMatch(/DISCORD_TOKEN/);
      expect(String(err)).not.toContain(secret);
      expect(String(err).split('\n')).toHaveLength(1);
    }
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
  });
});

describe('logger', () => {
  it('never writes the token, wherever it appears', () => {
    const token = 'MTAxNTk1.secret-token-value.abcdefghijklmnop';
    const dest = memoryDestination();
    const log = createLogger({ level: 'info', secrets: [token], destination: dest });
    log.info({ token }, 'login');
    log.error({ err: new Error(`request to /gateway failed: Bot ${token}`) }, `auth header Bot ${token}`);
    log.info({ headers: { authorization: `Bot ${token}` } }, 'request');
    expect(dest.lines).toHaveLength(3);
    expect(dest.text()).not.toContain(token);
    expect(dest.text()).toContain('[REDACTED]');
  });
});
