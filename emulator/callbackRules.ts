// Discord's rules for interaction callback bodies beyond messages: autocomplete choices and modals.
import type { JsonObject } from './messages.ts';
import { badLength, type Problem, problem, tooLong, tooMany, uniqueCustomIds } from './problems.ts';

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
  const unique = uniqueCustomIds();
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
      problems.push(...unique(`${where}.custom_id`, input.custom_id));
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
