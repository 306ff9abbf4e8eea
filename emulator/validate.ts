// Discord's rules for message and thread bodies (its OpenAPI description in ../shared/discord and
// the prose docs), enforced so a test fails the way production would; components are checked by
// componentRules.ts, autocomplete and modal callbacks by callbackRules.ts.
import { componentProblems } from './componentRules.ts';
import type { JsonObject } from './messages.ts';
import { badLength, isUrl, type Problem, problem, tooLong, tooMany } from './problems.ts';

const EMBED_TOTAL = 6000;
const FLAG = { SuppressEmbeds: 4, Ephemeral: 64, SuppressNotifications: 4096, ComponentsV2: 32768 };

export interface MessageRules {
  /** A create refuses an empty message (50006); an edit may change one field. */
  create: boolean;
  files?: number;
  /** Interaction replies and follow-ups may be ephemeral; channel posts may not. */
  ephemeralAllowed: boolean;
}

/** Problems with a message create/edit body. */
export function messageProblems(body: JsonObject | undefined, rules: MessageRules): Problem[] {
  const b = body ?? {};
  const problems: Problem[] = [...tooLong('content', b.content, 2000)];
  const flags = typeof b.flags === 'number' ? b.flags : 0;
  problems.push(...flagProblems(b.flags, rules.ephemeralAllowed));
  const v2 = (flags & FLAG.ComponentsV2) !== 0;
  if (Array.isArray(b.embeds)) {
    if (v2 && b.embeds.length > 0) problems.push(legacyWithV2('embeds'));
    problems.push(...embedProblems(b.embeds as JsonObject[]));
  }
  if (v2 && typeof b.content === 'string' && b.content !== '') problems.push(legacyWithV2('content'));
  if (Array.isArray(b.components)) problems.push(...componentProblems(b.components as JsonObject[], v2));
  if (b.allowed_mentions !== undefined && b.allowed_mentions !== null) {
    problems.push(...allowedMentionsProblems(b.allowed_mentions as JsonObject));
  }
  const empty =
    !(typeof b.content === 'string' && b.content.length > 0) &&
    !(Array.isArray(b.embeds) && b.embeds.length > 0) &&
    !(Array.isArray(b.components) && b.components.length > 0) &&
    !(Array.isArray(b.sticker_ids) && b.sticker_ids.length > 0) &&
    !(typeof b.poll === 'object' && b.poll !== null) &&
    (rules.files ?? 0) === 0;
  if (rules.create && empty) problems.push(problem('', 'EMPTY_MESSAGE', 'Cannot send an empty message'));
  return problems;
}

const legacyWithV2 = (field: string) =>
  problem(
    field,
    'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
    `${field} cannot be used with IS_COMPONENTS_V2`,
  );

function flagProblems(flags: unknown, ephemeralAllowed: boolean): Problem[] {
  if (flags === undefined || flags === null) return [];
  if (typeof flags !== 'number' || !Number.isInteger(flags)) {
    return [problem('flags', 'NUMBER_TYPE_COERCE', 'Value is not int.')];
  }
  // Discord: only SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS and IS_COMPONENTS_V2 can be set on a
  // message (and EPHEMERAL on an interaction response or follow-up).
  let allowed = FLAG.SuppressEmbeds | FLAG.SuppressNotifications | FLAG.ComponentsV2;
  if (ephemeralAllowed) allowed |= FLAG.Ephemeral;
  return (flags & ~allowed) !== 0
    ? [problem('flags', 'MESSAGE_FLAGS_INVALID', `Invalid flags ${flags}`)]
    : [];
}

/** allowed_mentions: parse ⊆ {users, roles, everyone}; parse 'users' excludes a users list (same for roles). */
export function allowedMentionsProblems(am: JsonObject): Problem[] {
  const problems: Problem[] = [];
  const parse = am.parse;
  if (parse !== undefined && parse !== null) {
    if (!Array.isArray(parse))
      return [problem('allowed_mentions.parse', 'BASE_TYPE_ARRAY', 'Must be an array.')];
    parse.forEach((kind, i) => {
      if (!['users', 'roles', 'everyone'].includes(kind as string)) {
        problems.push(
          problem(
            `allowed_mentions.parse.${i}`,
            'BASE_TYPE_CHOICES',
            `Value must be one of ('roles', 'users', 'everyone').`,
          ),
        );
      }
    });
  }
  for (const key of ['users', 'roles'] as const) {
    const list = am[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      problems.push(problem(`allowed_mentions.${key}`, 'BASE_TYPE_ARRAY', 'Must be an array.'));
      continue;
    }
    problems.push(...tooMany(`allowed_mentions.${key}`, list, 100));
    list.forEach((id, i) => {
      if (typeof id !== 'string' || !/^\d{17,20}$/.test(id)) {
        problems.push(
          problem(`allowed_mentions.${key}.${i}`, 'NUMBER_TYPE_COERCE', `Value "${id}" is not snowflake.`),
        );
      }
    });
    if (list.length > 0 && Array.isArray(parse) && parse.includes(key)) {
      problems.push(
        problem(
          'allowed_mentions',
          'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
          `parse:["${key}"] and ${key}: [ids...] are mutually exclusive.`,
        ),
      );
    }
  }
  return problems;
}

function embedProblems(embeds: JsonObject[]): Problem[] {
  const problems: Problem[] = [...tooMany('embeds', embeds, 10)];
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `embeds.${i}`;
    const text = (label: string, value: unknown, max: number) => {
      if (typeof value !== 'string') return;
      total += value.length;
      problems.push(...tooLong(`${at}.${label}`, value, max));
    };
    text('title', embed.title, 256);
    text('description', embed.description, 4096);
    text('footer.text', (embed.footer as JsonObject | undefined)?.text, 2048);
    text('author.name', (embed.author as JsonObject | undefined)?.name, 256);
    for (const [label, value] of [
      ['url', embed.url],
      ['image.url', (embed.image as JsonObject | undefined)?.url],
      ['thumbnail.url', (embed.thumbnail as JsonObject | undefined)?.url],
      ['author.url', (embed.author as JsonObject | undefined)?.url],
    ] as const) {
      if (value !== undefined && value !== null && !isUrl(value)) {
        problems.push(problem(`${at}.${label}`, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.'));
      }
    }
    const color = embed.color;
    if (
      color !== undefined &&
      color !== null &&
      !(Number.isInteger(color) && (color as number) >= 0 && (color as number) <= 0xffffff)
    ) {
      problems.push(
        problem(`${at}.color`, 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.'),
      );
    }
    if (embed.timestamp !== undefined && Number.isNaN(Date.parse(String(embed.timestamp)))) {
      problems.push(problem(`${at}.timestamp`, 'DATE_TYPE_PARSE', 'Could not parse timestamp.'));
    }
    const fields = Array.isArray(embed.fields) ? (embed.fields as JsonObject[]) : [];
    problems.push(...tooMany(`${at}.fields`, fields, 25));
    fields.forEach((field, j) => {
      for (const key of ['name', 'value'] as const) {
        if (typeof field[key] !== 'string' || (field[key] as string).length === 0) {
          problems.push(problem(`${at}.fields.${j}.${key}`, 'BASE_TYPE_REQUIRED', 'This field is required'));
        }
      }
      text(`fields.${j}.name`, field.name, 256);
      text(`fields.${j}.value`, field.value, 1024);
    });
  });
  if (total > EMBED_TOTAL) {
    problems.push(
      problem('embeds', 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${EMBED_TOTAL}`),
    );
  }
  return problems;
}

/** Creating a thread: name 1-100, a valid auto-archive duration, a thread type (without a message). */
export function threadProblems(body: JsonObject, fromMessage: boolean): Problem[] {
  const problems = badLength('name', body.name, 1, 100);
  const duration = body.auto_archive_duration;
  if (duration !== undefined && duration !== null && ![60, 1440, 4320, 10080].includes(duration as number)) {
    problems.push(
      problem('auto_archive_duration', 'BASE_TYPE_CHOICES', 'Value must be one of (60, 1440, 4320, 10080).'),
    );
  }
  if (
    !fromMessage &&
    body.type !== undefined &&
    body.type !== null &&
    ![10, 11, 12].includes(body.type as number)
  ) {
    problems.push(problem('type', 'BASE_TYPE_CHOICES', 'Value must be one of (10, 11, 12).'));
  }
  const slow = body.rate_limit_per_user;
  if (
    slow !== undefined &&
    slow !== null &&
    !(Number.isInteger(slow) && (slow as number) >= 0 && (slow as number) <= 21600)
  ) {
    problems.push(problem('rate_limit_per_user', 'NUMBER_TYPE_MAX', 'Must be between 0 and 21600.'));
  }
  return problems;
}
