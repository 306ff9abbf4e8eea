import { startApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { reportMemory } from './childRss.ts';

/** The whole bot as `casewatch start` runs it (store, client, commands), idle after ready. */
const app = await startApp(parseConfig(process.env), silentLogger);
await reportMemory({ commands: app.bot.commands.size });
await app.stop();
process.exit(0);
