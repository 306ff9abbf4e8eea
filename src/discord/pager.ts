import { createHash } from 'node:crypto';
import { type ButtonInteraction, ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import { UserError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import { acknowledged, type Payload } from './respond.ts';

/**
 * Button pagination shared by /timeline and /quotes. A button's custom id carries the whole query:
 * `<command>:<page>:<userId>:<part>:<part>...` (each part URI-encoded, so ':' inside a filter is
 * safe). Discord caps custom ids at 100 characters: a query that does not fit (a long slug plus a
 * `contains` filter) is kept in the store under a short hash and the id carries `#<hash>` instead.
 * Nothing is kept in memory, so paging works after a restart and on any shard.
 */

const MAX_CUSTOM_ID = 100;
/** Stored queries outlive any message anyone would still page. */
const STORED_QUERY_TTL_MS = 30 * 24 * 3600 * 1000;

export interface PageRequest {
  page: number;
  /** Only this user may page. */
  userId: string;
  /** The command's own query: case slug, filters... */
  query: string[];
}

/**
 * Queries this process stored lately, per store: a list's two buttons carry the same query, and
 * every page of it again, so each would write the same row (a store round trip on the interaction
 * path). Written again once a day, which keeps the row's time to live ahead of any click.
 */
const REWRITE_AFTER_MS = 24 * 3600 * 1000;
const MAX_REMEMBERED = 10_000;
const storedLately = new WeakMap<Store, Map<string, number>>();

async function storeQuery(store: Store, hash: string, query: string[]) {
  let written = storedLately.get(store);
  if (!written) {
    written = new Map();
    storedLately.set(store, written);
  }
  const at = written.get(hash);
  if (at !== undefined && Date.now() - at < REWRITE_AFTER_MS) return;
  await store.kv('pager').set(hash, query, STORED_QUERY_TTL_MS);
  if (written.size >= MAX_REMEMBERED) written.clear();
  written.set(hash, Date.now());
}

export async function pageCustomId(store: Store, command: string, request: PageRequest): Promise<string> {
  const head = `${command}:${request.page}:${request.userId}:`;
  const inline = head + request.query.map((p) => encodeURIComponent(p)).join(':');
  if (inline.length <= MAX_CUSTOM_ID) return inline;
  const serialized = JSON.stringify(request.query);
  const hash = createHash('sha256').update(serialized).digest('base64url').slice(0, 16);
  await storeQuery(store, hash, request.query);
  return `${head}#${hash}`;
}

/** The request behind a clicked button; a UserError when it is malformed or has expired. */
export async function parsePageCustomId(store: Store, customId: string): Promise<PageRequest> {
  const [, pageText = '', userId = '', ...rest] = customId.split(':');
  const page = Number(pageText);
  if (!Number.isInteger(page) || page < 0 || !/^\d+$/.test(userId))
    throw new UserError('That button is not valid any more: run the command again.');
  const first = rest[0] ?? '';
  if (rest.length === 1 && first.startsWith('#')) {
    const query = await store.kv('pager').get<string[]>(first.slice(1));
    if (!query) throw new UserError('This list has expired: run the command again.');
    return { page, userId, query };
  }
  return { page, userId, query: rest.map((p) => decodeURIComponent(p)) };
}

/** Previous / Next buttons for page `page` of `pages` (none when everything fits on one page). */
export async function pageButtons(
  store: Store,
  command: string,
  request: PageRequest,
  pages: number,
): Promise<object[]> {
  if (pages <= 1) return [];
  const last = pages - 1;
  const page = Math.min(Math.max(0, request.page), last);
  // With at least two pages the two targets always differ, so the custom ids are unique.
  const prev = await pageCustomId(store, command, { ...request, page: Math.max(0, page - 1) });
  const next = await pageCustomId(store, command, { ...request, page: Math.min(last, page + 1) });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: prev,
          label: '◀ Previous',
          disabled: page === 0,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: next,
          label: 'Next ▶',
          disabled: page === last,
        },
      ],
    },
  ];
}

/**
 * True when the clicker may page; otherwise answers them privately and returns false (the list
 * itself stays as it is for its owner).
 */
export async function ensurePageOwner(
  interaction: ButtonInteraction,
  request: PageRequest,
  command: string,
): Promise<boolean> {
  if (interaction.user.id === request.userId) return true;
  const refusal = {
    content: `Only <@${request.userId}> can page this list. Run \`/${command}\` to get your own.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  } as const;
  // After the dispatcher's auto-defer (a slow store) the refusal can only be a follow-up.
  if (await acknowledged(interaction)) await interaction.followUp(refusal);
  else await interaction.reply(refusal);
  return false;
}

/** Replaces the paged message in place (or edits it when the dispatcher already deferred). */
export async function showPage(interaction: ButtonInteraction, payload: Payload) {
  const body = { allowedMentions: { parse: [] }, ...payload } as never;
  if (await acknowledged(interaction)) await interaction.editReply(body);
  else await interaction.update(body);
}
