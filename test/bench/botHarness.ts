import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { parseConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/discord/bot.ts';
import { silentLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/types.ts';
import { RUN_ID } from './backends.ts';

/** A token-shaped secret: the emulator does not check it. */
export const BENCH_TOKEN = 'MTE0OTk5OTk5OTk5OTk5OTk5OQ.GxBench.benchmark-token-not-secret';

/** A guild id of our own (a snowflake from the clock), so its store keys are ours to delete. */
export function benchGuildId(): string {
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) | BigInt(process.pid % 4096));
}

export async function startBenchEmulator(guildId: string, timeoutMs = 10_000): Promise<Emulator> {
  return startEmulator({
    guilds: [{ id: guildId, name: RUN_ID, channels: [{ name: 'general' }, { name: 'alerts' }] }],
    answerTimeoutMs: timeoutMs,
  });
}

/** The real bot (startBot, real discord.js client) on the emulator, logging nothing. */
export async function startBenchBot(emu: Emulator, store: Store, commandsDir?: string): Promise<Bot> {
  const config = parseConfig({
    DISCORD_TOKEN: BENCH_TOKEN,
    DISCORD_API_URL: emu.apiUrl,
    LOG_LEVEL: 'silent',
  });
  const bot = await startBot({ config, store, logger: silentLogger, commandsDir });
  await emu.waitForReady();
  return bot;
}
