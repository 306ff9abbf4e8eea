import { describe, expect, it } from 'vitest';
import { meetsThreshold } from '../../src/alerts/settings.ts';
import { emptyKnowledge, type MergeDecision, mergeArticle } from '../../src/cases/merge.ts';
import type { CaseEvent } from '../../src/facts.ts';
import { article, definition, facts } from './helpers.ts';

/**
 * Precision first (issue 12, item 1): an alert only for an act the article tells as its news,
 * dated in the week before publication (or a date newly set), about a defendant; the rest is
 * kept quietly, and an undated report alerts once another outlet dates the act.
 */

const LFS = 'Lucía Ferreira-Stone';

function event(e: Partial<CaseEvent> & Pick<CaseEvent, 'type'>, sentence: string, offset = 0): CaseEvent {
  return {
    who: LFS,
    summary: sentence,
    date: null,
    status: 'happened',
    new: true,
    ...e,
    provenance: { sentence, offset },
  };
}

function merge(k: ReturnType<typeof emptyKnowledge>, url: string, published: string, events: CaseEvent[]) {
  const f = facts({ events });
  return mergeArticle(k, definition, article(url, published, new URL(url).hostname), f, { history: false })
    .decisions;
}

const shown = (ds: MergeDecision[]) => ds.filter((d) => d.kind === 'new' && meetsThreshold(d));

describe('alert confidence', () => {
  it('a dated act of the week about a defendant alerts; the same act undated waits for a second outlet to date it', () => {
    const k = emptyKnowledge('harbor');
    const undated = merge(k, 'https://a.example/1', '2025-03-06', [
      event({ type: 'verdict', date: null }, 'A jury found Ferreira-Stone guilty of manslaughter.'),
    ]);
    expect(undated.map((d) => d.confidence?.level)).toEqual(['medium']);
    expect(shown(undated)).toHaveLength(0);
    const dated = merge(k, 'https://b.example/2', '2025-03-07', [
      event({ type: 'verdict', date: '2025-03-05' }, 'Jurors convicted her on Wednesday.', 400),
    ]);
    expect(shown(dated).map((d) => d.development.type)).toEqual(['verdict']);
    expect(dated[0]?.confidence?.reasons).toContain('2 outlets');
  });

  it('an act about someone who is not a defendant, or one dated weeks back, never alerts', () => {
    const k = emptyKnowledge('harbor');
    const ds = merge(k, 'https://a.example/3', '2025-05-20', [
      event(
        { type: 'sentence', who: 'Owen Kettering', date: '2025-05-19' },
        'A witness, Owen Kettering, was sentenced Monday.',
      ),
      event({ type: 'charge', date: '2025-04-01' }, 'She was charged on April 1.'),
    ]);
    expect(shown(ds)).toHaveLength(0);
  });

  it('a date set earlier and repeated is not news', () => {
    const k = emptyKnowledge('harbor');
    const ds = merge(k, 'https://a.example/4', '2025-05-20', [
      event(
        { type: 'release', date: '2025-05-22' },
        'She rejected a deal that would have freed her Thursday.',
      ),
      event(
        { type: 'trial', date: '2025-09-08', status: 'scheduled' },
        'Her trial is currently scheduled for Sept. 8.',
      ),
    ]);
    expect(shown(ds)).toHaveLength(0);
  });

  it('the dateRepeated field alone decides that a date told is not news, whatever the words', () => {
    const told = (dateRepeated?: true) =>
      merge(emptyKnowledge('harbor'), `https://a.example/6${dateRepeated ? 'r' : ''}`, '2025-05-20', [
        event(
          {
            type: 'trial',
            date: '2025-09-08',
            status: 'scheduled',
            ...(dateRepeated ? { dateRepeated } : {}),
          },
          'A judge set her trial for Sept. 8.',
        ),
      ]);
    expect(shown(told())).toHaveLength(1);
    expect(shown(told(true))).toHaveLength(0);
  });

  it('a newly set date alerts, with where it was told among the reasons', () => {
    const k = emptyKnowledge('harbor');
    const ds = merge(k, 'https://a.example/5', '2025-05-20', [
      event(
        { type: 'trial', date: '2025-09-08', status: 'scheduled' },
        'A judge set her trial for Sept. 8.',
        10,
      ),
    ]);
    expect(shown(ds).map((d) => d.confidence?.reasons)).toEqual([
      expect.arrayContaining(['a date set ahead', 'in the lede', `about defendant ${LFS}`]),
    ]);
  });

  it('an act told in one sentence of a defendant and of a name the case does not track is news about the defendant only', () => {
    const k = emptyKnowledge('harbor');
    const sentence = 'Ferreira-Stone was convicted Monday of killing Nadia Wren.';
    // The extractor gave the act to both names, and called the victim a defendant.
    const f = facts({
      people: [
        { name: LFS, role: 'defendant' },
        { name: 'Nadia Wren', role: 'defendant' },
      ],
      events: [
        event({ type: 'verdict', date: '2025-06-02' }, sentence),
        event({ type: 'verdict', date: '2025-06-02', who: 'Nadia Wren' }, sentence),
      ],
    });
    const ds = mergeArticle(k, definition, article('https://a.example/6', '2025-06-03'), f, {
      history: false,
    });
    const names = shown(ds.decisions).map((d) => k.people.find((p) => p.id === d.development.who)?.name);
    expect(names).toEqual([LFS]);
    // Both acts stay in the case's knowledge (the timeline), only the alert is withheld.
    expect(k.developments.filter((d) => d.type === 'verdict')).toHaveLength(2);
  });

  it('a name an article showed as the barrister or the victim is no defendant because another article gave it an act', () => {
    const k = emptyKnowledge('harbor');
    const parts = facts({
      people: [
        { name: 'Rhys Oduya', role: 'defense_attorney' },
        { name: 'Nadia Wren', role: 'victim' },
      ],
    });
    mergeArticle(k, definition, article('https://a.example/7', '2025-06-01'), parts, { history: false });
    const f = facts({
      people: [
        { name: 'Rhys Oduya', role: 'defendant' },
        { name: 'Nadia Wren', role: 'defendant' },
      ],
      events: [
        event(
          { type: 'hearing', status: 'scheduled', date: '2025-07-01', who: 'Rhys Oduya' },
          'He will appear on July 1.',
        ),
        event(
          { type: 'verdict', date: '2025-06-02', who: 'Nadia Wren' },
          'Wren was found guilty Monday.',
          200,
        ),
      ],
    });
    const ds = mergeArticle(k, definition, article('https://b.example/8', '2025-06-03'), f, {
      history: false,
    });
    expect(shown(ds.decisions)).toHaveLength(0);
  });
  describe("the lede's day as the date of a headline's or lede's undated news", () => {
    const inferred = (e: Partial<CaseEvent>) => ({ date: '2025-03-06', dateInferred: true, ...e });

    it('an undated act in the lede, of an article whose lede states its day, alerts on that day', () => {
      const ds = merge(emptyKnowledge('harbor'), 'https://a.example/n1', '2025-03-07', [
        event(
          { type: 'plea', ...inferred({ dateFromLede: true }) },
          'Ferreira-Stone pleaded guilty to fraud, her lawyer said, a day after jury selection began Thursday.',
        ),
      ]);
      expect(shown(ds).map((d) => d.development.type)).toEqual(['plea']);
      expect(ds[0]?.confidence?.level).toBe('high');
    });

    it('a day guessed from publication alone, a body sentence, or a day another act of the sentence owns, stays quiet', () => {
      const k = emptyKnowledge('harbor');
      const guessed = merge(k, 'https://a.example/n2', '2025-03-07', [
        event({ type: 'sentence', ...inferred({}) }, 'Ferreira-Stone was sentenced to four years.'),
      ]);
      expect(shown(guessed)).toHaveLength(0);
      const body = merge(emptyKnowledge('harbor'), 'https://a.example/n3', '2025-03-07', [
        event({ type: 'bail', ...inferred({ dateFromLede: true }) }, 'She was later freed on bail.', 900),
      ]);
      expect(shown(body)).toHaveLength(0);
      const sentence = 'A judge granted Ferreira-Stone a new trial Thursday.';
      const owned = merge(emptyKnowledge('harbor'), 'https://a.example/n4', '2025-03-07', [
        event({ type: 'ruling', date: '2025-03-06' }, sentence),
        event({ type: 'motion', ...inferred({ dateFromLede: true }) }, sentence),
      ]);
      expect(shown(owned).map((d) => d.development.type)).toEqual(['ruling']);
    });

    it("an appearance on the day of a plea the article dates is the plea's occasion, not a hearing of its own", () => {
      const ds = merge(emptyKnowledge('harbor'), 'https://a.example/n5', '2025-03-08', [
        event({ type: 'plea', date: '2025-03-07' }, 'Ferreira-Stone pleaded not guilty on Friday.'),
        event(
          { type: 'hearing', ...inferred({ date: '2025-03-07', dateFromLede: true }) },
          'She appeared before the judge with her lawyer.',
          80,
        ),
      ]);
      expect(shown(ds).map((d) => d.development.type)).toEqual(['plea']);
    });
  });
});
