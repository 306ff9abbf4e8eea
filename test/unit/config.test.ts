import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, parseConfig } from '../../src/config.ts';
import { createLogger, memoryDestination } from '../../src/log.ts';
import { PROJECT_DIR } from '../../src/paths.ts';
import { openStore } from '../../src/store/index.ts';

describe('config', () => {
  it('gives working defaults on an empty environment', () => {
    const config = parseConfig({});
    expect(config.STORE_URL).toBe(`sqlite://${PROJECT_DIR}/data/casewatch.sqlite`);
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

describe('where the store is', () => {
  it('is one place whatever the current directory: data/ next to the project, or CASEWATCH_DATA_DIR', () => {
    const project = `sqlite://${PROJECT_DIR}/data/casewatch.sqlite`;
    expect(parseConfig({ STORE_URL: '' }).STORE_URL).toBe(project);
    expect(parseConfig({ STORE_URL: 'sqlite://data/casewatch.sqlite' }).STORE_URL).toBe(project);
    expect(parseConfig({ CASEWATCH_DATA_DIR: '/srv/cw' }).STORE_URL).toBe(
      'sqlite:///srv/cw/casewatch.sqlite',
    );
    expect(parseConfig({ STORE_URL: 'sqlite:///var/x.sqlite' }).STORE_URL).toBe('sqlite:///var/x.sqlite');
    expect(parseConfig({ STORE_URL: 'redis://127.0.0.1:6379/2' }).STORE_URL).toBe('redis://127.0.0.1:6379/2');
  });

  it('refuses sqlite:// without a path, in one line naming STORE_URL', () => {
    expect(() => parseConfig({ STORE_URL: 'sqlite://' })).toThrow(
      /^Invalid configuration: STORE_URL sqlite:\/\/ needs a file path/,
    );
  });

  it('refuses a SQLite file whose folder does not exist, creating nothing', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'cw-path-')), 'nonexistent', 'dir');
    await expect(openStore(`sqlite://${missing}/x.sqlite`)).rejects.toThrow(
      `STORE_URL: the folder ${missing} does not exist (create it, or fix the path)`,
    );
    expect(existsSync(missing)).toBe(false);
  });
});

describe('SHARD_COUNT', () => {
  it('says what is expected for a bad value, and takes empty as auto', () => {
    expect(() => parseConfig({ SHARD_COUNT: 'many' })).toThrow(
      'Invalid configuration: SHARD_COUNT must be "auto" (ask Discord) or a whole number of shards from 1 to 1000',
    );
    expect(() => parseConfig({ SHARD_COUNT: '0' })).toThrow(/SHARD_COUNT must be "auto"/);
    expect(parseConfig({ SHARD_COUNT: '' }).SHARD_COUNT).toBe('auto');
    expect(parseConfig({ SHARD_COUNT: '4' }).SHARD_COUNT).toBe(4);
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
