// Discord's documented payload limits, enforced so a test fails the way production would
// (400 Invalid Form Body) instead of passing against a lenient fake.
import type { JsonObject } from './messages.ts';

const EMBED_TOTAL = 6000;

type Problems = string[];

/** Problems with a message create/edit body; `create` also refuses an empty message. */
export function messageProblems(body: JsonObject | undefined, create: boolean, fileCount = 0): Problems {
  const problems: Problems = [];
  const b = body ?? {};
  if (typeof b.content === 'string' && b.content.length > 2000) {
    problems.push(`content: must be 2000 or fewer in length (got ${b.content.length})`);
  }
  if (Array.isArray(b.embeds)) problems.push(...embedProblems(b.embeds as JsonObject[]));
  if (Array.isArray(b.components)) problems.push(...componentProblems(b.components as JsonObject[]));
  const empty =
    !(typeof b.content === 'string' && b.content.length > 0) &&
    !(Array.isArray(b.embeds) && b.embeds.length > 0) &&
    !(Array.isArray(b.components) && b.components.length > 0) &&
    !(Array.isArray(b.sticker_ids) && b.sticker_ids.length > 0) &&
    !(typeof b.poll === 'object' && b.poll !== null) &&
    fileCount === 0;
  if (create && empty) problems.push('Cannot send an empty message');
  return problems;
}

function embedProblems(embeds: JsonObject[]): Problems {
  const problems: Problems = [];
  if (embeds.length > 10) problems.push(`embeds: must be 10 or fewer (got ${embeds.length})`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const check = (label: string, value: unknown, max: number) => {
      if (typeof value !== 'string') return;
      total += value.length;
      if (value.length > max) problems.push(`embeds[${i}].${label}: must be ${max} or fewer in length`);
    };
    check('title', embed.title, 256);
    check('description', embed.description, 4096);
    check('footer.text', (embed.footer as JsonObject | undefined)?.text, 2048);
    check('author.name', (embed.author as JsonObject | undefined)?.name, 256);
    const fields = Array.isArray(embed.fields) ? (embed.fields as JsonObject[]) : [];
    if (fields.length > 25) problems.push(`embeds[${i}].fields: must be 25 or fewer (got ${fields.length})`);
    fields.forEach((field, j) => {
      if (!field.name || !field.value)
        problems.push(`embeds[${i}].fields[${j}]: name and value are required`);
      check(`fields[${j}].name`, field.name, 256);
      check(`fields[${j}].value`, field.value, 1024);
    });
  });
  if (total > EMBED_TOTAL)
    problems.push(`embeds: total length must be ${EMBED_TOTAL} or fewer (got ${total})`);
  return problems;
}

function componentProblems(rows: JsonObject[]): Problems {
  const problems: Problems = [];
  const ids = new Set<string>();
  const visit = (component: JsonObject, where: string) => {
    const id = component.custom_id;
    if (typeof id === 'string') {
      if (id.length > 100) problems.push(`${where}.custom_id: must be 100 or fewer in length`);
      if (ids.has(id)) problems.push(`${where}.custom_id: duplicated ('${id}')`);
      ids.add(id);
    }
    if (typeof component.label === 'string' && component.label.length > 80) {
      problems.push(`${where}.label: must be 80 or fewer in length`);
    }
    const children = Array.isArray(component.components) ? (component.components as JsonObject[]) : [];
    if (component.type === 1 && children.length > 5)
      problems.push(`${where}: an action row holds 5 or fewer`);
    for (const [i, child] of children.entries()) visit(child, `${where}.components[${i}]`);
  };
  for (const [i, row] of rows.entries()) visit(row, `components[${i}]`);
  return problems;
}

export function choiceProblems(choices: unknown): Problems {
  if (!Array.isArray(choices)) return ['choices: must be an array'];
  const problems: Problems = [];
  if (choices.length > 25) problems.push(`choices: must be 25 or fewer (got ${choices.length})`);
  (choices as JsonObject[]).forEach((choice, i) => {
    const name = choice.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
      problems.push(`choices[${i}].name: must be 1 to 100 characters`);
    }
    if (typeof choice.value === 'string' && choice.value.length > 100) {
      problems.push(`choices[${i}].value: must be 100 or fewer in length`);
    }
  });
  return problems;
}
