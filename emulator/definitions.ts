// Discord's rules for application command definitions (register, bulk overwrite, PATCH): names,
// descriptions, option order and nesting, choices, autocomplete, ranges, the 8,000-character cap.

import { choiceValueProblems } from './callbackRules.ts';
import type { JsonObject } from './messages.ts';
import { type Problem, problem } from './problems.ts';

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUB = 1;
const GROUP = 2;
const WITH_CHOICES = new Set([3, 4, 10]);
const NUMERIC = new Set([4, 10]);

function nameProblems(value: unknown, at: string, lowercase: boolean): Problem[] {
  const name = typeof value === 'string' ? value : '';
  if (!NAME.test(name) || (lowercase && name !== name.toLowerCase())) {
    return [problem(`${at}.name`, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid: '${name}'`)];
  }
  return [];
}

function descriptionProblems(value: unknown, at: string): Problem[] {
  if (typeof value !== 'string' || value.length < 1 || value.length > 100) {
    return [problem(`${at}.description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.')];
  }
  return [];
}

function optionProblems(options: JsonObject[], at: string, depth: number): Problem[] {
  const problems: Problem[] = [];
  if (options.length > 25)
    problems.push(problem(at, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
  const names = new Set<string>();
  const subs = options.filter((o) => o.type === SUB || o.type === GROUP).length;
  if (subs > 0 && subs < options.length) {
    problems.push(
      problem(
        at,
        'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
        'Sub-commands and groups cannot be mixed with other options',
      ),
    );
  }
  let optionalSeen = false;
  options.forEach((option, i) => {
    const where = `${at}.${i}`;
    const type = option.type as number;
    problems.push(
      ...nameProblems(option.name, where, true),
      ...descriptionProblems(option.description, where),
    );
    if (names.has(String(option.name))) {
      problems.push(
        problem(
          `${where}.name`,
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        ),
      );
    }
    names.add(String(option.name));
    if (!Number.isInteger(type) || type < 1 || type > 11) {
      problems.push(problem(`${where}.type`, 'BASE_TYPE_CHOICES', 'Value must be one of (1..11).'));
      return;
    }
    if (type === SUB || type === GROUP) {
      // A group holds sub-commands; a sub-command holds plain options; at most two levels.
      const children = Array.isArray(option.options) ? (option.options as JsonObject[]) : [];
      if ((type === GROUP && depth > 0) || (type === SUB && depth > 1)) {
        problems.push(
          problem(
            `${where}.type`,
            'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
            'Sub-commands nest at most two levels',
          ),
        );
      }
      if (type === GROUP && children.some((c) => c.type !== SUB)) {
        problems.push(
          problem(
            `${where}.options`,
            'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
            'A group holds only sub-commands',
          ),
        );
      }
      if (type === SUB && children.some((c) => c.type === SUB || c.type === GROUP)) {
        problems.push(
          problem(
            `${where}.options`,
            'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
            'A sub-command cannot hold sub-commands',
          ),
        );
      }
      problems.push(...optionProblems(children, `${where}.options`, depth + 1));
      return;
    }
    if (option.required === true && optionalSeen) {
      problems.push(
        problem(
          `${where}.required`,
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        ),
      );
    }
    if (option.required !== true) optionalSeen = true;
    problems.push(...valueRuleProblems(option, where, type));
  });
  return problems;
}

/** Choices, autocomplete, lengths and ranges of one plain option. */
function valueRuleProblems(option: JsonObject, where: string, type: number): Problem[] {
  const problems: Problem[] = [];
  const choices = Array.isArray(option.choices) ? (option.choices as JsonObject[]) : undefined;
  if (choices && !WITH_CHOICES.has(type)) {
    problems.push(
      problem(
        `${where}.choices`,
        'APPLICATION_COMMAND_OPTION_CHOICES_INVALID',
        'Only string, integer and number options have choices',
      ),
    );
  }
  if (choices && choices.length > 25) {
    problems.push(problem(`${where}.choices`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
  }
  choices?.forEach((choice, j) => {
    const name = choice.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
      problems.push(
        problem(`${where}.choices.${j}.name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'),
      );
    }
    problems.push(...choiceValueProblems(`${where}.choices.${j}.value`, choice.value, type));
  });
  if (option.autocomplete === true) {
    if (!WITH_CHOICES.has(type)) {
      problems.push(
        problem(
          `${where}.autocomplete`,
          'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
          'Only string, integer and number options autocomplete',
        ),
      );
    }
    if (choices && choices.length > 0) {
      problems.push(
        problem(
          `${where}.autocomplete`,
          'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_NOT_ALLOWED',
          'Autocomplete cannot be set with choices',
        ),
      );
    }
  }
  const range = (minKey: string, maxKey: string, lo: number, hi: number, allowed: boolean) => {
    const min = option[minKey];
    const max = option[maxKey];
    if ((min !== undefined || max !== undefined) && !allowed) {
      problems.push(
        problem(
          `${where}.${min !== undefined ? minKey : maxKey}`,
          'APPLICATION_COMMAND_OPTION_INVALID',
          `Not allowed on option type ${type}`,
        ),
      );
      return;
    }
    for (const [key, value] of [
      [minKey, min],
      [maxKey, max],
    ] as const) {
      if (value !== undefined && (typeof value !== 'number' || value < lo || value > hi)) {
        problems.push(problem(`${where}.${key}`, 'NUMBER_TYPE_MAX', `Must be between ${lo} and ${hi}.`));
      }
    }
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problems.push(
        problem(
          `${where}.${minKey}`,
          'APPLICATION_COMMAND_OPTION_RANGE_INVALID',
          `${minKey} exceeds ${maxKey}`,
        ),
      );
    }
  };
  range('min_length', 'max_length', 0, 6000, type === 3);
  range('min_value', 'max_value', -(2 ** 53), 2 ** 53, NUMERIC.has(type));
  if (option.channel_types !== undefined && type !== 7) {
    problems.push(
      problem(
        `${where}.channel_types`,
        'APPLICATION_COMMAND_OPTION_INVALID',
        'Only channel options have channel_types',
      ),
    );
  }
  return problems;
}

/** Discord counts name, description, and every option's name, description and choice names and values. */
function characterCount(def: JsonObject): number {
  let total = String(def.name ?? '').length + String(def.description ?? '').length;
  for (const option of (def.options ?? []) as JsonObject[]) {
    total += characterCount(option);
    for (const choice of (option.choices ?? []) as JsonObject[]) {
      total += String(choice.name ?? '').length + String(choice.value ?? '').length;
    }
  }
  return total;
}

/** Problems with one command definition (`at` prefixes paths: '' for a single command, '0' in a list). */
export function definitionProblems(def: JsonObject, at = ''): Problem[] {
  const path = (key: string) => (at ? `${at}.${key}` : key);
  const type = (def.type as number | undefined) ?? 1;
  const problems: Problem[] = [];
  if (![1, 2, 3, 4].includes(type)) {
    return [problem(path('type'), 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2, 3, 4).')];
  }
  problems.push(...nameProblems(def.name, at, type === 1).map((p) => ({ ...p, path: path('name') })));
  if (type === 1) {
    problems.push(
      ...descriptionProblems(def.description, at).map((p) => ({ ...p, path: path('description') })),
    );
  } else if (typeof def.description === 'string' && def.description !== '') {
    problems.push(
      problem(
        path('description'),
        'APPLICATION_COMMAND_DESCRIPTION_INVALID',
        'User and message commands have no description',
      ),
    );
  }
  const options = Array.isArray(def.options) ? (def.options as JsonObject[]) : [];
  if (type !== 1 && options.length > 0) {
    problems.push(
      problem(
        path('options'),
        'APPLICATION_COMMAND_OPTIONS_INVALID',
        'Only chat input commands have options',
      ),
    );
  }
  problems.push(...optionProblems(options, path('options'), 0));
  const perms = def.default_member_permissions;
  if (perms !== undefined && perms !== null && !(typeof perms === 'string' && /^\d+$/.test(perms))) {
    problems.push(
      problem(
        path('default_member_permissions'),
        'NUMBER_TYPE_COERCE',
        `Value "${perms}" is not a permission bitfield.`,
      ),
    );
  }
  for (const [key, allowed] of [
    ['contexts', [0, 1, 2]],
    ['integration_types', [0, 1]],
  ] as const) {
    const list = def[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || list.some((v) => !(allowed as readonly number[]).includes(v as number))) {
      problems.push(
        problem(path(key), 'BASE_TYPE_CHOICES', `Value must be a list of (${allowed.join(', ')}).`),
      );
    }
  }
  if (characterCount(def) > 8000) {
    problems.push(problem(at, 'APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (8000)'));
  }
  return problems;
}

/** A bulk overwrite: each definition, at most 100 chat input commands, (name, type) unique. */
export function listProblems(defs: JsonObject[]): Problem[] {
  const problems = defs.flatMap((def, i) => definitionProblems(def, String(i)));
  if (defs.filter((d) => ((d.type as number | undefined) ?? 1) === 1).length > 100) {
    problems.push(problem('', 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.'));
  }
  const seen = new Set<string>();
  defs.forEach((def, i) => {
    const key = `${def.type ?? 1}:${def.name}`;
    if (seen.has(key)) {
      problems.push(
        problem(
          `${i}.name`,
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          `Application command names must be unique`,
        ),
      );
    }
    seen.add(key);
  });
  return problems;
}
