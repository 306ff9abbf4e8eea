/**
 * Strings one of which every match of a pattern contains, read from the pattern's source: a cheap
 * `includes` test that proves a sentence cannot match, so the pattern need not run. The reading is
 * conservative: whatever it does not understand (a class, a back-reference, an optional part)
 * gives no string, and a pattern with a branch that gives none gets no list at all.
 */

/** A set of strings one of which any match contains; null: nothing known. */
type Need = string[] | null;

interface Parsed {
  need: Need;
  /** Index of the first character not consumed (a `|` or `)` or the end). */
  end: number;
}

/** The lowest repetition count of the quantifier at `at` (1 when there is none) and its length. */
function quantifier(src: string, at: number): { min: number; length: number } {
  const c = src[at];
  let min = 1;
  let length = 0;
  if (c === '?' || c === '*') {
    min = 0;
    length = 1;
  } else if (c === '+') length = 1;
  else if (c === '{') {
    // {n}, {n,} or {n,m}; anything else is a literal brace (read as no known character).
    const close = src.indexOf('}', at);
    const [low, high, ...more] = src.slice(at + 1, close).split(',');
    const digits = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);
    if (
      close > at &&
      digits(low) &&
      (high === undefined || high === '' || digits(high)) &&
      more.length === 0
    ) {
      min = Number(low);
      length = close - at + 1;
    }
  }
  if (length > 0 && src[at + length] === '?') length++; // lazy
  return { min, length };
}

/** Better: the set whose shortest string is longest (rarer in text), then the smaller set. */
function better(a: Need, b: Need): Need {
  if (!a) return b;
  if (!b) return a;
  const shortest = (n: string[]) => Math.min(...n.map((s) => s.length));
  const d = shortest(a) - shortest(b);
  if (d !== 0) return d > 0 ? a : b;
  return a.length <= b.length ? a : b;
}

/** A character that matches only itself in lower case (letters of ASCII, or no letter at all). */
function plainChar(c: string): boolean {
  return c.charCodeAt(0) < 128 || c.toLowerCase() === c.toUpperCase();
}

/** Parses an alternation starting at `at`, up to a closing parenthesis or the end. */
function alternation(src: string, at: number): Parsed {
  const needs: Need[] = [];
  let i = at;
  for (;;) {
    const seq = sequence(src, i);
    needs.push(seq.need);
    i = seq.end;
    if (src[i] !== '|') break;
    i++;
  }
  if (needs.some((n) => n === null)) return { need: null, end: i };
  return { need: [...new Set(needs.flatMap((n) => n ?? []))], end: i };
}

/** Parses a sequence of items up to `|`, `)` or the end. */
function sequence(src: string, at: number): Parsed {
  let best: Need = null;
  let run = '';
  const endRun = () => {
    if (run) best = better(best, [run]);
    run = '';
  };
  let i = at;
  while (i < src.length && src[i] !== '|' && src[i] !== ')') {
    const c = src[i] ?? '';
    let literal: string | undefined;
    let inner: Need = null;
    let next: number;
    let zeroWidth = false;
    if (c === '\\') {
      const e = src[i + 1] ?? '';
      next = i + 2;
      if (e === 'b' || e === 'B') zeroWidth = true;
      else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 4))) {
        literal = String.fromCharCode(Number.parseInt(src.slice(i + 2, i + 4), 16));
        next = i + 4;
      } else if (/^[.\\/()[\]{}|?*+^$'’-]$/.test(e)) literal = e;
      // Any other escape (\w, \s, \d, \n, \u…, a back-reference) is no known character.
    } else if (c === '(') {
      const look = /^\(\?(?:=|!|<=|<!)/.test(src.slice(i));
      const head = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(src.slice(i))?.[0] ?? '(';
      const group = alternation(src, i + head.length);
      if (src[group.end] !== ')') return { need: null, end: src.length }; // not understood
      next = group.end + 1;
      if (look) zeroWidth = true;
      else inner = group.need;
    } else if (c === '[') {
      // A class: skip to its closing bracket.
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      next = j + 1;
    } else if (c === '^' || c === '$') {
      zeroWidth = true;
      next = i + 1;
    } else if (c === '.' || c === '?' || c === '*' || c === '+' || c === '{' || c === '}' || c === ']') {
      next = i + 1; // a wildcard, or syntax not understood: no known character
    } else {
      literal = c;
      next = i + 1;
    }
    const q = quantifier(src, next);
    next += q.length;
    if (zeroWidth) {
      // Nothing consumed: a literal run may go on across \b, but not across other assertions.
      if (!(c === '\\' && q.length === 0)) endRun();
    } else if (literal !== undefined && q.length === 0 && plainChar(literal)) {
      run += literal.toLowerCase();
    } else {
      endRun();
      if (q.min >= 1) {
        if (inner) best = better(best, inner);
        if (literal !== undefined && plainChar(literal)) best = better(best, [literal.toLowerCase()]);
      }
    }
    i = next;
  }
  endRun();
  return { need: best, end: i };
}

/**
 * Strings (lower case) one of which every match of `re` contains, for a test on lower-cased text;
 * undefined when none are known or the list would cost more than it saves (more than `limit`).
 */
export function requiredLiterals(re: RegExp, limit = 12): string[] | undefined {
  if (re.flags.includes('u') || re.flags.includes('v') || re.flags.includes('x')) return undefined;
  const parsed = alternation(re.source, 0);
  if (parsed.end !== re.source.length || !parsed.need || parsed.need.length === 0) return undefined;
  if (parsed.need.length > limit || parsed.need.some((s) => s.length < 3)) return undefined;
  return parsed.need;
}
