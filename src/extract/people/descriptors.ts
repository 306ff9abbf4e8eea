import type { Facts, Person } from '../../facts.ts';
import { JOB_DESCRIPTOR } from '../lexicon/roles.ts';

/**
 * A job noun right before a name ("armorer Hannah Reed", "the sheriff, Ann Lee", "chief engineer
 * Marcus Dale") names the one person a case means by "the armorer": the facts carry it on each
 * person (`descriptors`), so that the case knowledge resolves "the armorer" without re-reading sentences.
 */

/** One or two words of at least four letters, an optional comma, then the name. */
const WORDS_BEFORE_NAME = /[^a-z-]((?:[a-z][a-z-]{3,20}\s+)?[a-z][a-z-]{3,20}),?\s+$/i;

/** The descriptor in the text right before a name, if its last word is a job noun. */
export function descriptorBefore(before: string): string | undefined {
  const m = WORDS_BEFORE_NAME.exec(` ${before.slice(-64)}`);
  const noun = m?.[1]?.toLowerCase().replace(/\s+/g, ' ');
  return noun && JOB_DESCRIPTOR.test(noun) ? noun : undefined;
}

/** Descriptors before each whole-word occurrence of the names in the texts, in order of first sight. */
export function descriptorsIn(texts: readonly string[], names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts)
    for (const name of names) {
      if (name.length < 4) continue;
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (/[\p{L}\d]/u.test(text.charAt(at + name.length))) continue; // a longer word
        const d = descriptorBefore(text.slice(Math.max(0, at - 64), at));
        if (d) out.add(d);
      }
    }
  return [...out];
}

function surnameOf(name: string): string[] {
  const words = name.trim().split(/\s+/);
  return words.length >= 2 ? [name, words.at(-1) ?? ''] : [name];
}

/**
 * Facts from a source that does not fill `descriptors` (hand-made labels, facts stored before the
 * field) get them from the title, the summaries and the sentences the facts carry: the person's
 * name or surname after a job noun. Descriptors given are kept.
 */
export function withDescriptors(facts: Facts, title: string): Facts {
  if (facts.people.every((p) => p.descriptors)) return facts;
  const texts = [
    title,
    ...facts.events.flatMap((e) => [e.summary, e.provenance?.sentence ?? '']),
    ...facts.people.map((p) => p.provenance?.sentence ?? ''),
  ].filter(Boolean);
  const people = facts.people.map(
    (p): Person => (p.descriptors ? p : { ...p, descriptors: descriptorsIn(texts, surnameOf(p.name)) }),
  );
  return { ...facts, people };
}
