import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import { withDescriptors } from '../../src/extract/people/descriptors.ts';
import type { Person } from '../../src/facts.ts';

const person = (people: Person[], name: string) => people.find((p) => p.name === name);

describe('descriptors: the job noun right before a name, carried on the person', () => {
  it('reads them in the text and in the title, and not a noun shared by many', () => {
    const { people } = extractFacts({
      title: 'Ferry pilot Omar Haddad charged after crash',
      published: '2024-05-02',
      text:
        'The harbour master, Celia Brandt, said the crash happened at dawn. ' +
        'Actor Liam Forde, a passenger, was not hurt. Omar Haddad was charged with negligence on Tuesday.',
    });
    expect(person(people, 'Omar Haddad')?.descriptors).toEqual(['ferry pilot']);
    expect(person(people, 'Liam Forde')?.descriptors).toEqual([]);
  });

  it('completes labelled facts from their title, summaries and sentences; descriptors given are kept', () => {
    const done = withDescriptors(
      {
        people: [
          { name: 'Omar Haddad', role: 'defendant' },
          { name: 'Celia Brandt', role: 'witness', descriptors: [] },
        ],
        quotes: [],
        events: [
          {
            type: 'charge',
            date: null,
            status: 'happened',
            who: 'Omar Haddad',
            new: true,
            summary: 'Haddad charged',
            provenance: {
              sentence: 'Prosecutors charged the ferry captain, Haddad, and his deputy Brandt.',
              offset: 0,
            },
          },
        ],
        charges: [],
        penalties: [],
      },
      'Crash inquiry ends',
    );
    expect(done.people.map((p) => p.descriptors)).toEqual([['ferry captain'], []]);
  });
});
