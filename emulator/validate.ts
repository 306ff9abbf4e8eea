// Discord's rules for message, modal, autocomplete and thread bodies (its OpenAPI description in
// ../shared/discord and the prose docs), enforced so a test fails the way production would: 400
// Invalid Form Body (50035) with Discord's nested `errors`, or 50006 for an empty message.
import { discordError, type Reply } from './http.ts';
import type { JsonObject } from './messages.ts';

/** One refused field: `path` like 'embeds.0.title', `code` Discord's error code string. */
export interface Problem {
  path: string;
  code: string;
  message: string;
}

export const problem = (path: string, code: string, message: string): Problem => ({ path, code, message });
export const describe = (p: Problem): string => `${p.path || '(body)'}: ${p.message}`;

const EMBED_TOTAL = 6000;
const FLAG = { SuppressEmbeds: 4, Ephemeral: 64, SuppressNotifications: 4096, ComponentsV2: 32768 };

const tooLong = (path: string, value: unknown, max: number): Problem[] =>
  typeof value === 'string' && value.length > max
    ? [problem(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`)]
    : [];

const badLength = (path: string, value: unknown, min: number, max: number, required = true): Problem[] => {
  if (value === undefined || value === null) {
    return required ? [problem(path, 'BASE_TYPE_REQUIRED', 'This field is required')] : [];
  }
  if (typeof value !== 'string') return [problem(path, 'BASE_TYPE_STRING', 'Must be a string.')];
  return value.length < min || value.length > max
    ? [problem(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`)]
    : [];
};

const tooMany = (path: string, list: unknown, max: number): Problem[] =>
  Array.isArray(list) && list.length > max
    ? [problem(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`)]
    : [];

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

const isUrl = (value: unknown) => typeof value === 'string' && /^(https?|attachment):\/\/\S+$/.test(value);

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

const SELECTS = new Set([3, 5, 6, 7, 8]);

function componentProblems(top: JsonObject[], v2: boolean): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const customId = (c: JsonObject, at: string, required: boolean) => {
    problems.push(...badLength(`${at}.custom_id`, c.custom_id, 1, 100, required));
    if (typeof c.custom_id !== 'string') return;
    if (ids.has(c.custom_id)) {
      problems.push(
        problem(
          `${at}.custom_id`,
          'COMPONENT_CUSTOM_ID_DUPLICATED',
          'Component custom id cannot be duplicated',
        ),
      );
    }
    ids.add(c.custom_id);
  };
  const button = (c: JsonObject, at: string) => {
    const style = c.style;
    if (![1, 2, 3, 4, 5, 6].includes(style as number)) {
      problems.push(problem(`${at}.style`, 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2, 3, 4, 5, 6).'));
      return;
    }
    problems.push(...tooLong(`${at}.label`, c.label, 80));
    if (style === 5) {
      if (!isUrl(c.url))
        problems.push(problem(`${at}.url`, 'BASE_TYPE_REQUIRED', 'A link button needs a url'));
      if (c.custom_id !== undefined && c.custom_id !== null) {
        problems.push(
          problem(
            `${at}.custom_id`,
            'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
            'A link button cannot have a custom id',
          ),
        );
      }
    } else if (style === 6) {
      if (!c.sku_id) problems.push(problem(`${at}.sku_id`, 'BASE_TYPE_REQUIRED', 'This field is required'));
    } else {
      customId(c, at, true);
      if (c.url !== undefined && c.url !== null) {
        problems.push(
          problem(`${at}.url`, 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'Only a link button can have a url'),
        );
      }
    }
    if (style !== 6 && !c.label && !c.emoji) {
      problems.push(
        problem(
          `${at}.label`,
          'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED',
          'A button needs a label or an emoji',
        ),
      );
    }
  };
  const select = (c: JsonObject, at: string) => {
    customId(c, at, true);
    problems.push(...tooLong(`${at}.placeholder`, c.placeholder, 150));
    const min = (c.min_values as number | undefined) ?? 1;
    const max = (c.max_values as number | undefined) ?? 1;
    if (min < 0 || min > 25)
      problems.push(problem(`${at}.min_values`, 'NUMBER_TYPE_MAX', 'Must be between 0 and 25.'));
    if (max < 1 || max > 25)
      problems.push(problem(`${at}.max_values`, 'NUMBER_TYPE_MAX', 'Must be between 1 and 25.'));
    if (min > max)
      problems.push(
        problem(`${at}.min_values`, 'SELECT_COMPONENT_MIN_VALUES_INVALID', 'min_values exceeds max_values'),
      );
    if (c.type !== 3) return;
    const options = Array.isArray(c.options) ? (c.options as JsonObject[]) : [];
    if (options.length < 1 || options.length > 25) {
      problems.push(problem(`${at}.options`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.'));
    }
    if (max > options.length && options.length > 0) {
      problems.push(
        problem(
          `${at}.max_values`,
          'SELECT_COMPONENT_MAX_VALUES_INVALID',
          'max_values exceeds the number of options',
        ),
      );
    }
    options.forEach((o, i) => {
      problems.push(...badLength(`${at}.options.${i}.label`, o.label, 1, 100));
      problems.push(...badLength(`${at}.options.${i}.value`, o.value, 1, 100));
      problems.push(...tooLong(`${at}.options.${i}.description`, o.description, 100));
    });
  };
  const row = (r: JsonObject, at: string) => {
    const children = Array.isArray(r.components) ? (r.components as JsonObject[]) : [];
    if (children.length < 1 || children.length > 5) {
      problems.push(
        problem(`${at}.components`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.'),
      );
    }
    const selects = children.filter((c) => SELECTS.has(c.type as number)).length;
    if (selects > 0 && children.length > 1) {
      problems.push(
        problem(
          `${at}.components`,
          'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
          'A select menu fills its action row alone',
        ),
      );
    }
    children.forEach((c, i) => {
      const where = `${at}.components.${i}`;
      if (c.type === 2) button(c, where);
      else if (SELECTS.has(c.type as number)) select(c, where);
      else
        problems.push(
          problem(
            `${where}.type`,
            'UNION_TYPE_CHOICES',
            `Component type ${c.type} is not allowed in an action row`,
          ),
        );
    });
  };
  if (!v2) {
    problems.push(...tooMany('components', top, 5));
    top.forEach((r, i) => {
      if (r.type === 1) row(r, `components.${i}`);
      else
        problems.push(
          problem(
            `components.${i}.type`,
            'UNION_TYPE_CHOICES',
            'Only action rows are allowed without IS_COMPONENTS_V2',
          ),
        );
    });
    return problems;
  }
  // Components V2: layout rules are many; check what nests action rows and custom ids.
  const visit = (c: JsonObject, at: string) => {
    if (c.type === 1) row(c, at);
    else if (c.type === 2) button(c, at);
    else if (typeof c.custom_id === 'string') customId(c, at, true);
    if (c.type !== 1 && Array.isArray(c.components)) {
      for (const [i, child] of (c.components as JsonObject[]).entries())
        visit(child, `${at}.components.${i}`);
    }
    if (c.accessory && typeof c.accessory === 'object') visit(c.accessory as JsonObject, `${at}.accessory`);
  };
  problems.push(...tooMany('components', top, 40));
  for (const [i, c] of top.entries()) visit(c, `components.${i}`);
  return problems;
}

/** Autocomplete results: at most 25, names 1-100, values typed like the focused option. */
export function choiceProblems(choices: unknown, optionType: number | undefined): Problem[] {
  if (!Array.isArray(choices))
    return [problem('data.choices', 'BASE_TYPE_REQUIRED', 'This field is required')];
  const problems: Problem[] = [...tooMany('data.choices', choices, 25)];
  (choices as JsonObject[]).forEach((choice, i) => {
    const at = `data.choices.${i}`;
    problems.push(...badLength(`${at}.name`, choice.name, 1, 100));
    problems.push(...choiceValueProblems(`${at}.value`, choice.value, optionType));
  });
  return problems;
}

/** A choice's value: a string of 1-100 for string options, an integer or a number for the others. */
export function choiceValueProblems(at: string, value: unknown, optionType: number | undefined): Problem[] {
  if (optionType === 4 && !Number.isInteger(value))
    return [problem(at, 'NUMBER_TYPE_COERCE', 'Value is not int.')];
  if (optionType === 10 && typeof value !== 'number')
    return [problem(at, 'NUMBER_TYPE_COERCE', 'Value is not float.')];
  if (optionType === 3 || optionType === undefined) {
    if (typeof value === 'number' && optionType === undefined) return [];
    return badLength(at, value, 1, 100);
  }
  return [];
}

/** A modal (callback 9): custom_id, title ≤ 45, 1-5 rows each holding one text input. */
export function modalProblems(data: JsonObject): Problem[] {
  const problems: Problem[] = [
    ...badLength('data.custom_id', data.custom_id, 1, 100),
    ...badLength('data.title', data.title, 1, 45),
  ];
  const rows = Array.isArray(data.components) ? (data.components as JsonObject[]) : [];
  if (rows.length < 1 || rows.length > 5) {
    problems.push(problem('data.components', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.'));
  }
  const ids = new Set<string>();
  rows.forEach((r, i) => {
    const at = `data.components.${i}`;
    // A Label (18) wraps one component; an action row (1) holds exactly one text input.
    const inputs =
      r.type === 18
        ? [r.component as JsonObject]
        : Array.isArray(r.components)
          ? (r.components as JsonObject[])
          : [];
    if (![1, 10, 18].includes(r.type as number) || (r.type === 1 && inputs.length !== 1)) {
      problems.push(problem(at, 'MODAL_COMPONENT_INVALID', 'Each modal row holds exactly one text input'));
      return;
    }
    for (const input of inputs) {
      if (input?.type !== 4) continue;
      const where = `${at}.components.0`;
      problems.push(...badLength(`${where}.custom_id`, input.custom_id, 1, 100));
      if (typeof input.custom_id === 'string') {
        if (ids.has(input.custom_id)) {
          problems.push(
            problem(
              `${where}.custom_id`,
              'COMPONENT_CUSTOM_ID_DUPLICATED',
              'Component custom id cannot be duplicated',
            ),
          );
        }
        ids.add(input.custom_id);
      }
      if (r.type === 1) problems.push(...badLength(`${where}.label`, input.label, 1, 45));
      if (r.type === 1 && ![1, 2].includes(input.style as number)) {
        problems.push(problem(`${where}.style`, 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2).'));
      }
      const min = input.min_length as number | undefined;
      const max = input.max_length as number | undefined;
      if (min !== undefined && (min < 0 || min > 4000))
        problems.push(problem(`${where}.min_length`, 'NUMBER_TYPE_MAX', 'Must be between 0 and 4000.'));
      if (max !== undefined && (max < 1 || max > 4000))
        problems.push(problem(`${where}.max_length`, 'NUMBER_TYPE_MAX', 'Must be between 1 and 4000.'));
      problems.push(...tooLong(`${where}.value`, input.value, 4000));
      problems.push(...tooLong(`${where}.placeholder`, input.placeholder, 100));
    }
  });
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

/** Discord's nested error object: { embeds: { 0: { title: { _errors: [{ code, message }] } } } }. */
export function errorTree(problems: Problem[]): JsonObject {
  const root: JsonObject = {};
  for (const p of problems) {
    let node = root;
    for (const key of p.path.split('.').filter(Boolean)) {
      node[key] ??= {};
      node = node[key] as JsonObject;
    }
    node._errors ??= [];
    (node._errors as { code: string; message: string }[]).push({ code: p.code, message: p.message });
  }
  return root;
}

/** The reply Discord gives to refused problems: 50006 for an empty message alone, else 50035. */
export function invalid(problems: Problem[]): Reply {
  if (problems.length === 1 && problems[0]?.code === 'EMPTY_MESSAGE') {
    return discordError(400, 50006, 'Cannot send an empty message');
  }
  return discordError(400, 50035, 'Invalid Form Body', errorTree(problems));
}
