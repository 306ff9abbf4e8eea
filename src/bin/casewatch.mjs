#!/usr/bin/env node
// The `casewatch` command. The project runs its TypeScript through tsx (no build step), so this
// small JavaScript entry registers tsx's loader and hands over to src/cli/main.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Settings may live in .env next to package.json (see .env.example), whatever the current
// directory; real environment variables win.
const envFile = fileURLToPath(new URL('../../.env', import.meta.url));
if (existsSync(envFile)) process.loadEnvFile(envFile);

register();
// `casewatch people rust | head` closes stdout early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
// A command that failed may leave servers or timers open (a demo stopped half-way, a client that
// never logged in): exit instead of hanging. stdout and stderr are synchronous for files and pipes.
if (code !== 0) process.exit(code);
process.exitCode = code;
