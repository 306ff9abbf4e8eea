import * as chrono from 'chrono-node/en';

/**
 * rss-parser's Atom path throws on things real feeds contain, and one throw loses the whole feed:
 * `new Date(published).toISOString()` on an unparseable date, `link.$.rel` on a `<link>` without
 * attributes, an empty `<entry/>`. These are fixed in the XML text before it parses.
 */
export function fixAtom(xml: string, warnings: string[]): string {
  let fixed = xml.replace(/<entry\b[^>]*\/>|<entry\b[^>]*>\s*<\/entry\s*>/g, () => {
    warnings.push('skipped: an empty <entry/>');
    return '';
  });
  fixed = fixed.replace(
    /<link\s*>([^<]*)<\/link\s*>/g,
    (_m, href: string) => `<link href="${attr(href.trim())}"/>`,
  );
  fixed = fixed.replace(/<link\s*\/>|<link\s*><\/link\s*>/g, '');
  fixed = fixed.replace(
    /<(published|updated)(\s[^>]*)?>([^<]*)<\/\1\s*>/g,
    (whole, tag: string, attrs: string | undefined, value: string) => {
      const iso = toIsoDate(value);
      if (iso) return iso === value.trim() ? whole : `<${tag}${attrs ?? ''}>${iso}</${tag}>`;
      warnings.push(`bad date: <${tag}>${value.trim().slice(0, 60)}</${tag}> ignored`);
      return '';
    },
  );
  // An element with markup inside (e.g. <published><b>x</b></published>) is not a date either.
  return fixed.replace(/<(published|updated)\b[^>]*>(?:(?!<\/\1)[\s\S])*?<[a-zA-Z][\s\S]*?<\/\1\s*>/g, '');
}

function attr(value: string): string {
  return value.replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * An ISO timestamp, or undefined. JavaScript's Date is tried first (it is what rss-parser uses),
 * then chrono-node, which reads many of the formats feeds actually use.
 */
export function toIsoDate(raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  const direct = new Date(value);
  if (!Number.isNaN(direct.getTime()) && validYear(direct)) return direct.toISOString();
  try {
    const parsed = chrono.parseDate(value, { timezone: 'UTC' } as never);
    if (parsed && !Number.isNaN(parsed.getTime()) && validYear(parsed)) return parsed.toISOString();
  } catch {
    // chrono throws on some exotic inputs; an unknown date is the answer then.
  }
  return undefined;
}

function validYear(d: Date): boolean {
  const y = d.getUTCFullYear();
  return y >= 1970 && y <= 2200;
}
