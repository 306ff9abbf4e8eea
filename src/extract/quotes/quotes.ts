import type { Quote } from '../../facts.ts';
import { sentenceAt } from '../segment.ts';
import type { ArticleDoc, PersonRegistry } from '../types.ts';
import { findQuoteSpans, maskQuotes, type QuoteSpan } from './spans.ts';
import {
  type Attribution,
  attributeAfter,
  attributeBefore,
  hasReportingVerb,
  leadingReporter,
  reportingSubject,
} from './speaker.ts';

/**
 * Every direct quotation with its speaker. Attribution order: a reporting clause right after the
 * quotation, then one right before it in the same sentence, then the previous quotation's speaker
 * (same paragraph, or a continuation paragraph that opens with a quote mark). Unclear → null.
 */
export function extractQuotes(doc: ArticleDoc, registry: PersonRegistry): Quote[] {
  const out: Quote[] = [];
  let previous: { paragraph: number; attribution: Attribution | undefined } | undefined;
  for (const paragraph of doc.paragraphs) {
    const spans = findQuoteSpans(paragraph).filter((s) => isQuotation(s) && !isTitleOrSign(s, doc.text));
    if (spans.length === 0) {
      // A paragraph of reported speech ("X, who is not involved, said ...") can introduce the next quote.
      const last = paragraph.sentences.at(-1);
      const attribution = last ? reportingSubject(last.text, last.offset, doc, registry) : undefined;
      previous = attribution?.speaker ? { paragraph: paragraph.index, attribution } : undefined;
      continue;
    }
    const masked = maskQuotes(paragraph, spans);
    let lastInParagraph: Attribution | undefined;
    spans.forEach((span, k) => {
      let attribution =
        attributeAfter(span, masked, doc, registry) ?? attributeBefore(span, masked, doc, registry);
      if (!attribution && lastInParagraph && sameSentenceOrNext(spans[k - 1], span, doc))
        attribution = lastInParagraph;
      if (!attribution) attribution = fromPreviousSentence(span, masked, doc, registry);
      // "…,” she added": a pronoun whose antecedent is unclear is the speaker just quoted, when that fits.
      if (attribution && attribution.speaker === null && !attribution.org)
        attribution =
          lastSpeakerForPronoun(span, doc, registry, lastInParagraph ?? previous?.attribution) ?? attribution;
      if (
        !attribution &&
        k === 0 &&
        isContinuation(paragraph.text, masked) &&
        previous?.paragraph === paragraph.index - 1
      ) {
        attribution = previous.attribution;
      }
      if (attribution) lastInParagraph = attribution;
      // An unattributed lower-case phrase is a term or a scare quote ("without due caution"), not speech.
      else if (/^\p{Ll}/u.test(span.text) && span.text.split(/\s+/).length <= 5) return;
      const sentence = sentenceAt(doc, span.open);
      out.push({
        speaker: attribution?.speaker ?? null,
        text: span.text,
        ...(attribution?.org ? { org: true } : {}),
        provenance: { sentence: sentence?.text ?? span.text, offset: sentence?.offset ?? span.open },
      });
    });
    previous = { paragraph: paragraph.index, attribution: lastInParagraph };
  }
  return out;
}

/**
 * A quote in a sentence with no reporting verb of its own continues the sentence before it, when that
 * one ends with "X said." or opens with "X stated (that) …" (`…, the sheriff said. “This …”`).
 */
function fromPreviousSentence(
  span: QuoteSpan,
  masked: string,
  doc: ArticleDoc,
  registry: PersonRegistry,
): Attribution | undefined {
  const base = span.paragraph.offset;
  const idx = sentenceAt(doc, span.open)?.index ?? -1;
  const cur = doc.sentences[idx];
  const prev = doc.sentences[idx - 1];
  if (!cur || !prev || prev.paragraph !== span.paragraph.index) return undefined;
  if (hasReportingVerb(masked.slice(cur.offset - base, cur.offset - base + cur.text.length)))
    return undefined;
  const prevMasked = masked.slice(prev.offset - base, prev.offset - base + prev.text.length);
  if (/[“"]/.test(prevMasked)) return undefined;
  if (/\b(said|says|added|told \w+)\.$/.test(prevMasked.trim())) {
    const found = reportingSubject(prevMasked, prev.offset, doc, registry);
    if (found?.speaker) return found;
  }
  return leadingReporter(prevMasked, prev.offset, doc, registry);
}

const PRONOUN_CLAUSE =
  /^[\s,.!?;:—–-]*(he|she)\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+)?(?:said|says|added|adds|continued|told|tells|wrote|writes|explained|stated|noted|went on)\b/i;

/**
 * The speaker of the quotation before, for one closed by a bare "she added" that pronoun resolution
 * left open (the speaker's gender unknown, or a nearer person): the article is still quoting the same person.
 */
function lastSpeakerForPronoun(
  span: QuoteSpan,
  doc: ArticleDoc,
  registry: PersonRegistry,
  last: Attribution | undefined,
): Attribution | undefined {
  if (!last?.speaker || last.org) return undefined;
  const clause = PRONOUN_CLAUSE.exec(doc.text.slice(span.close, span.close + 60));
  if (!clause) return undefined;
  const gender = clause[1]?.toLowerCase() === 'he' ? 'male' : 'female';
  const person = registry.people.find((p) => p.name === last.speaker);
  return person && (!person.gender || person.gender === gender) ? last : undefined;
}

/** Titles of works, names and scare quotes are not quotations: short and all capitalised, or a single word. */
function isQuotation(span: QuoteSpan): boolean {
  const words = span.text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  if (words.length <= 5 && capitalised === words.length && !/[.!?,]$/.test(span.text)) return false;
  return true;
}

const WORK_BEFORE =
  /\b(?:book|books|memoir|novel|documentary|podcast|film|movie|series|show|song|album|play|article|essay|report|guide|titled|entitled|called|named|dubbed)\s*,?\s*$/i;
const WORK_AFTER =
  /^\s*,?\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:book|memoir|novel|documentary|podcast|film|movie|series|show|song|album|play|guide)\b/i;
/** A charge's name in marks ("pleaded not guilty to “assault with a deadly weapon”") is a legal term. */
const CHARGE_BEFORE =
  /\b(?:pleaded (?:not )?guilty to|pleaded no contest to|charged with|convicted of|acquitted of|accused of|indicted on|indicted for|counts? of)\s*(?:one count of\s*|a charge of\s*)?$/i;
const SIGN_BEFORE =
  /\b(?:a|an|the|his|her|their|one|two|several|many|\d+)\s+(?:[\w-]+\s+){0,2}(?:signs?|placards?|banners?|posters?|t-shirts?|shirts?|buttons?|stickers?)\b[^.;“"]{0,40}\b(?:reading|read|reads|saying|said|says|with the words)\s*:?,?\s*$|\bchant(?:ed|ing|s)?\s*:?,?\s*$/i;

/**
 * Titles of works ("a documentary, “Four Days in May”"), words on a sign or in a chant, and a charge's
 * name are not anyone's quotation: title-like text next to a work noun, text a sign "reads", an
 * offence right after "charged with".
 */
function isTitleOrSign(span: QuoteSpan, text: string): boolean {
  const before = text.slice(Math.max(span.paragraph.offset, span.open - 80), span.open);
  if (SIGN_BEFORE.test(before) || CHARGE_BEFORE.test(before)) return true;
  if (!titleLike(span.text)) return false;
  return WORK_BEFORE.test(before) || WORK_AFTER.test(text.slice(span.close, span.close + 60));
}

/** Most words capitalised (small function words aside), as in a title. */
function titleLike(t: string): boolean {
  const words = t
    .replace(/[,.!?]$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 14 || !/^[\p{Lu}\d]/u.test(words[0] ?? '')) return false;
  const content = words.filter(
    (w) => !/^(?:a|an|the|of|on|in|at|to|for|and|or|but|with|by|from|as|is)$/.test(w),
  );
  const capitalised = content.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return capitalised >= Math.ceil(content.length * 0.75);
}

/** A paragraph that opens with a quotation and attributes nothing (no reporting clause outside marks). */
function isContinuation(text: string, masked: string): boolean {
  if (!/^[“"]/.test(text)) return false;
  const outside = masked.replace(/[“”"]·*[“”"]?/g, ' ');
  return !/\b(said|says|told|added|wrote|stated|argued|according)\b/.test(outside);
}

function sameSentenceOrNext(prev: QuoteSpan | undefined, span: QuoteSpan, doc: ArticleDoc): boolean {
  if (!prev) return false;
  const idx = (at: number) => sentenceAt(doc, at)?.index ?? -1;
  return idx(span.open) - idx(prev.close - 1) <= 1;
}
