// Discord's own OpenAPI description (the team's copy, ../shared/discord/openapi.json) as a check
// on every JSON body the bot sends to the emulator: a body the spec's request schema rejects is
// refused with 400 50035, as Discord would. The spec is read at run time; without it the
// emulator's hand-written rules stay the only check (said once).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { BodyValidator } from '../../emulator/index.ts';

export const OPENAPI_PATH = fileURLToPath(new URL('../../../shared/discord/openapi.json', import.meta.url));

interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
}

let cached: BodyValidator | undefined;
let told = false;

/** The validator, or undefined (with one line saying why) when the team's spec is absent. */
export function openApiValidator(): BodyValidator | undefined {
  if (cached) return cached;
  if (!existsSync(OPENAPI_PATH)) {
    if (!told) console.log(`skip OpenAPI body checks: no Discord spec at ${OPENAPI_PATH} (the team's data)`);
    told = true;
    return undefined;
  }
  cached = buildValidator(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Spec);
  return cached;
}

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function buildValidator(spec: Spec): BodyValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  // ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM loader.
  const wrapped = addFormatsModule as unknown as { default?: (a: Ajv2020) => unknown };
  const addFormats = (wrapped.default ?? wrapped) as (a: Ajv2020) => unknown;
  addFormats(ajv);
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]{0,19})$/);
  for (const name of ['nonce', 'int32', 'int64', 'double']) ajv.addFormat(name, true);
  ajv.addSchema(spec as object, 'discord');
  // Literal segments before parameters: /messages/bulk-delete before /messages/{message_id}.
  const templates = Object.keys(spec.paths)
    .map((t) => ({
      template: t,
      params: (t.match(/\{/g) ?? []).length,
      regex: new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params);
  const compiled = new Map<string, ValidateFunction | null>();
  const schemaFor = (method: string, template: string) => {
    const key = `${method} ${template}`;
    if (!compiled.has(key)) {
      const op = spec.paths[template]?.[method];
      const ref = `discord#/paths/${pointer(template)}/${method}/requestBody/content/application~1json/schema`;
      let validate: ValidateFunction | null = null;
      try {
        validate = op?.requestBody?.content?.['application/json'] ? (ajv.getSchema(ref) ?? null) : null;
      } catch {
        validate = null; // a schema ajv cannot compile (one has an empty enum): left to the hand rules
      }
      compiled.set(key, validate);
    }
    return compiled.get(key) ?? null;
  };
  // Compiled now, not on the first request: compiling takes seconds, which would otherwise land
  // inside an interaction's 3-second window.
  for (const t of templates)
    if (/^\/(channels|interactions|webhooks|applications)\//.test(t.template))
      for (const method of Object.keys(spec.paths[t.template] ?? {})) schemaFor(method, t.template);
  return (method, path, body) => {
    const m = method.toLowerCase();
    const found = templates.find((t) => t.regex.test(path) && spec.paths[t.template]?.[m]);
    const validate = found && schemaFor(m, found.template);
    if (!validate || validate(quirks(body))) return undefined;
    return problems(validate);
  };
}

/**
 * The spec types `default_member_permissions` as an integer, while Discord's docs, its API and
 * discord.js use a string of digits: read such a string as the number it is (README of the spec).
 */
function quirks(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(quirks);
  if (!body || typeof body !== 'object') return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const perms = out.default_member_permissions;
  if (typeof perms === 'string' && /^\d{1,15}$/.test(perms)) out.default_member_permissions = Number(perms);
  return out;
}

/** Ajv's errors as Discord-style problems: the deepest ones (a nullable field's `oneOf` noise left out). */
function problems(validate: ValidateFunction) {
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  const deepest = Math.max(...errors.map((e) => e.instancePath.split('/').length));
  const kept = errors.filter(
    (e) =>
      e.instancePath.split('/').length === deepest && !(e.keyword === 'type' && e.params.type === 'null'),
  );
  const list = (kept.length ? kept : errors).map((e) => ({
    path: e.instancePath.split('/').filter(Boolean).join('.'),
    code: `OPENAPI_${e.keyword.toUpperCase()}`,
    message: `${e.message ?? 'invalid'} (Discord's OpenAPI: ${e.schemaPath})`,
  }));
  return list.length ? list : [{ path: '', code: 'OPENAPI_INVALID', message: 'refused by the spec' }];
}
