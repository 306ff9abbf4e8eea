import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CaseDefinition } from '../cases/definition.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';

/** What every command gets besides its interaction: passed in explicitly, never a global. */
export interface CommandContext {
  store: Store;
  config: Config;
  logger: Logger;
  /** The clock, so tests can pin "today". */
  now: () => Date;
  /** Optional instrumentation (Prometheus in production); absent in most tests. */
  metrics?: { observeInteraction?(command: string, seconds: number): void; countCorrection?(): void };
}

/**
 * One slash command, one file in commands/. The loader registers `data`; the dispatcher routes
 * chat-input, autocomplete and button interactions (custom ids starting with `${data.name}:`)
 * here and is the single error boundary.
 */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  // Admin commands declare it once, in `data` (slashCommand(name, description, { admin: true }) sets
  // Manage Server as the default permission). Discord hides the command from others by default; the
  // dispatcher enforces the same permissions server-side (a server may override the defaults) for the
  // command, its autocomplete, its buttons.
  /** Answer ephemerally by default (the dispatcher's error replies follow this too). */
  ephemeral?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  button?(interaction: ButtonInteraction, ctx: CommandContext): Promise<void>;
  /**
   * Renders what this command is asked most about one case, as the case stands now, off the
   * interaction path: at start-up before the first interaction, and again after the case changes
   * (see prerender.ts). What it renders must be what `execute` would look up for the same question.
   * `pause()` between two renders lets interactions go first.
   */
  prerender?(ctx: CommandContext, definition: CaseDefinition, pause: () => Promise<void>): Promise<void>;
}
