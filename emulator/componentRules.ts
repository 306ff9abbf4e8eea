// Discord's rules for message components: action rows, buttons, select menus, unique custom ids
// (and, with IS_COMPONENTS_V2, what nests them).
import type { JsonObject } from './messages.ts';
import { badLength, isUrl, type Problem, problem, tooLong, tooMany, uniqueCustomIds } from './problems.ts';

const SELECTS = new Set([3, 5, 6, 7, 8]);

export function componentProblems(top: JsonObject[], v2: boolean): Problem[] {
  const problems: Problem[] = [];
  const unique = uniqueCustomIds();
  const customId = (c: JsonObject, at: string, required: boolean) => {
    problems.push(...badLength(`${at}.custom_id`, c.custom_id, 1, 100, required));
    problems.push(...unique(`${at}.custom_id`, c.custom_id));
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
