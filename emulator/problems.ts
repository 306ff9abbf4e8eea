// A refused field as Discord names it, the length rules every body shares, and Discord's answer to
// refused fields: 400 Invalid Form Body (50035) with its nested `errors`, or 50006 for an empty message.
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

export const tooLong = (path: string, value: unknown, max: number): Problem[] =>
  typeof value === 'string' && value.length > max
    ? [problem(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`)]
    : [];

export const badLength = (
  path: string,
  value: unknown,
  min: number,
  max: number,
  required = true,
): Problem[] => {
  if (value === undefined || value === null) {
    return required ? [problem(path, 'BASE_TYPE_REQUIRED', 'This field is required')] : [];
  }
  if (typeof value !== 'string') return [problem(path, 'BASE_TYPE_STRING', 'Must be a string.')];
  return value.length < min || value.length > max
    ? [problem(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`)]
    : [];
};

export const tooMany = (path: string, list: unknown, max: number): Problem[] =>
  Array.isArray(list) && list.length > max
    ? [problem(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`)]
    : [];

export const isUrl = (value: unknown) =>
  typeof value === 'string' && /^(https?|attachment):\/\/\S+$/.test(value);

/** Custom ids of one message or modal: each may appear once (50035 COMPONENT_CUSTOM_ID_DUPLICATED). */
export function uniqueCustomIds(): (at: string, id: unknown) => Problem[] {
  const seen = new Set<string>();
  return (at, id) => {
    if (typeof id !== 'string') return [];
    if (seen.has(id))
      return [problem(at, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated')];
    seen.add(id);
    return [];
  };
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
