import type { CaseEvent, EventType } from '../facts.ts';
import {
  clauseAround,
  clauseBreaks,
  dateForTrigger,
  INTENTION,
  MODAL,
  maskedSentence,
  sentenceDates,
  triggerTense,
} from './eventContext.ts';
import { resolveEventDate } from './eventDates.ts';
import { findHits, type Hit } from './eventHits.ts';
import { type DraftEvent, finishEvents } from './eventMerge.ts';
import { eventWho, namedInSentence, whoContext } from './eventWho.ts';
import type { ArticleDoc, PersonRegistry, Sentence } from './types.ts';

const WAIVER = /\bwaive[sd]?\b[^.;]{0,30}\bextradition\b|\bextradition (?:hearing|proceeding)/i;

/** The sentence with the two before and the one after it. */
function neighbourhood(doc: ArticleDoc, s: Sentence): string {
  return doc.sentences
    .slice(Math.max(0, s.index - 2), s.index + 2)
    .map((x) => x.text)
    .join(' ');
}

/** The events of an article: one per development and person, dated against the published date. */
export function extractEvents(doc: ArticleDoc, people: PersonRegistry): CaseEvent[] {
  const ctx = whoContext(people, doc.sentences);
  const drafts: DraftEvent[] = [];
  let lastDay: string | null = null;
  let hitCount = 0;
  for (const s of doc.sentences) {
    const { masked, spans } = maskedSentence(s);
    const hits = findHits(masked);
    if (hits.length === 0) continue;
    const dates = sentenceDates(masked);
    const breaks = clauseBreaks(masked);
    const named = namedInSentence(ctx, s, spans);
    for (const hit of hits) {
      const clause = clauseAround(breaks, masked.length, hit.start);
      const clauseText = masked.slice(clause[0], clause[1]);
      const { type, family, status, intention } = classify(doc, s, masked, hit, clause, dates.relatives);
      const mention = dateForTrigger(masked, dates, clause, hit.start, hit.end, status === 'happened');
      const resolved = resolveEventDate(mention, doc, s, status === 'scheduled' ? 'future' : 'past', lastDay);
      if (intention && !resolved.date) continue;
      if (resolved.date?.length === 10) lastDay = resolved.date;
      hitCount++;
      for (const who of eventWho(ctx, type, family === 'targeted', s, masked, named)) {
        drafts.push({
          type,
          family,
          hit: hitCount,
          date: resolved.date,
          status,
          who,
          summary: '',
          new: false,
          recent: resolved.recent,
          vague: mention?.kind === 'vague',
          announcement: mention !== undefined && dates.announcement.has(mention),
          clause: clauseText,
          inRelative: dates.relatives.some(
            ([a, b]) => hit.start >= a && hit.start < b && /^, who/.test(masked.slice(a)),
          ),
          sentence: s,
        });
      }
    }
  }
  return finishEvents(drafts, doc);
}

interface Classified {
  type: EventType;
  family: string;
  status: CaseEvent['status'];
  /** A plan or a modal ("plans to appeal", "could be dropped"): kept only with a date. */
  intention: boolean;
}

/** The type, family and status of one trigger in its sentence. */
function classify(
  doc: ArticleDoc,
  s: Sentence,
  masked: string,
  hit: Hit,
  clause: [number, number],
  relatives: Array<[number, number]>,
): Classified {
  const upto = masked.slice(Math.max(0, hit.end - 100), hit.end);
  const intention = INTENTION.test(upto) || MODAL.test(masked.slice(Math.max(0, hit.start - 60), hit.start));
  // Custody decisions take effect when made, whatever tense the ruling's clause uses.
  let status: CaseEvent['status'] =
    hit.type === 'bail' ? 'happened' : triggerTense(masked, clause, hit.end, relatives);
  if (intention) status = 'scheduled';
  let type = hit.type;
  let family = hit.rule.family;
  if (family === 'bailAppeal' && status === 'scheduled') type = 'hearing';
  // The extradition waiver is one arrest event, not also a hearing.
  if (type === 'hearing' && WAIVER.test(neighbourhood(doc, s))) {
    type = 'arrest';
    family = 'extradition';
  }
  return { type, family, status, intention };
}
