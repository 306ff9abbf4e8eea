import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../../../src/discord/command.ts';
import { respond } from '../../../src/discord/respond.ts';

/** The benchmark's reference: the same client, dispatcher and reply path, and no work at all. */
const data = new SlashCommandBuilder().setName('noop').setDescription('Benchmark reference: answers at once');

const execute: Command['execute'] = async (interaction) => {
  await respond(interaction, 'ok');
};

export default { data, execute } satisfies Command;
