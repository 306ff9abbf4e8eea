// What the bot answered to one injected interaction: the callback, the message it produced (with
// edits applied), follow-ups, autocomplete choices. Getters read through to the live message.
import type {
  APIAllowedMentions,
  APIApplicationCommandOptionChoice,
  APIEmbed,
  APIMessageTopLevelComponent,
} from 'discord.js';
import type { EmulatedMessage, JsonObject } from './messages.ts';

export type InteractionKind = 'command' | 'autocomplete' | 'component' | 'modal';

/** Callback types: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 choices, 9 modal. */
export const CallbackType = {
  Reply: 4,
  Deferred: 5,
  DeferredUpdate: 6,
  Update: 7,
  Choices: 8,
  Modal: 9,
} as const;

export class InteractionRecord {
  /** Callback type the bot sent; null until it answers. */
  type: number | null = null;
  callbackBody: JsonObject | undefined;
  deferred = false;
  /** The response message: the reply, or for updates the component's message. */
  message: EmulatedMessage | null = null;
  followUps: EmulatedMessage[] = [];
  choices: APIApplicationCommandOptionChoice[] | undefined;
  /** The modal the bot opened (callback 9). */
  modal: JsonObject | undefined;
  /** ms from injection to the callback request. */
  callbackMs: number | undefined;
  /** Requests the emulator refused for this interaction (late, twice acknowledged, invalid body...). */
  problems: string[] = [];
  private settle!: () => void;
  /** Resolves once the final answer exists (reply, update, choices, modal, or the edit after a defer). */
  readonly settled = new Promise<void>((resolve) => {
    this.settle = resolve;
  });
  isSettled = false;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly kind: InteractionKind,
    /** Command name, or custom_id for components and modals. */
    readonly name: string,
    readonly guildId: string | null,
    readonly channelId: string,
    readonly userId: string,
    /** The exact payload dispatched in INTERACTION_CREATE. */
    readonly payload: JsonObject,
    /** For components: the message the clicked component sits on. */
    readonly sourceMessage: EmulatedMessage | null = null,
    /** On the emulator's clock (now(state)), which tests may advance. */
    readonly createdAt: number = Date.now(),
  ) {}

  markSettled(): void {
    if (this.isSettled) return;
    this.isSettled = true;
    this.settle();
  }

  get content(): string {
    return this.message?.content ?? '';
  }
  get embeds(): APIEmbed[] {
    return this.message?.embeds ?? [];
  }
  get components(): APIMessageTopLevelComponent[] {
    return this.message?.components ?? [];
  }
  get flags(): number {
    return this.message?.flags ?? 0;
  }
  get ephemeral(): boolean {
    return (this.flags & 64) === 64;
  }
  get allowedMentions(): APIAllowedMentions | undefined {
    return this.message?.allowedMentions;
  }
  get messageId(): string | undefined {
    return this.message?.id;
  }
  /** Everything a user would read: content plus embed titles, descriptions and fields. */
  get text(): string {
    const parts = [this.content];
    for (const embed of this.embeds) {
      parts.push(embed.title ?? '', embed.description ?? '');
      for (const field of embed.fields ?? []) parts.push(field.name, field.value);
      parts.push(embed.footer?.text ?? '');
    }
    return parts.filter(Boolean).join('\n');
  }

  describe(): string {
    const what = this.kind === 'command' || this.kind === 'autocomplete' ? `/${this.name}` : `'${this.name}'`;
    return `${this.kind} ${what} (interaction ${this.id})`;
  }
}
