import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command } from './command.ts';

export const COMMANDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../commands');

/** Every file in commands/ is one slash command: adding a command is adding a file. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Partial<Command> & {
      default?: Partial<Command>;
    };
    // `export default { … } satisfies Command` is the house style; named exports are accepted too.
    const command = mod.default ?? mod;
    if (!command?.data?.name || typeof command.execute !== 'function') {
      throw new Error(`commands/${file} must \`export default { data, execute } satisfies Command\``);
    }
    if (commands.has(command.data.name))
      throw new Error(`commands/${file}: duplicate command /${command.data.name}`);
    commands.set(command.data.name, command as Command);
  }
  return commands;
}
