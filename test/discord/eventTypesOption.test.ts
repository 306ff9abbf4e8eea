import { describe, expect, it } from 'vitest';
import { parseEventTypes } from '../../src/discord/eventTypesOption.ts';

describe('/alerts set types option', () => {
  it('reads a comma-separated list, forgiving case, spaces and dashes', () => {
    expect(parseEventTypes('Charge, verdict;charge dropped, charge-dropped')).toEqual([
      'charge',
      'verdict',
      'charge_dropped',
    ]);
  });

  it('means every type when empty or "all"', () => {
    expect(parseEventTypes(null)).toBeUndefined();
    expect(parseEventTypes(' , ')).toBeUndefined();
    expect(parseEventTypes('All')).toBeUndefined();
  });

  it('refuses unknown types and lists the valid ones', () => {
    expect(() => parseEventTypes('charge, gossip, background')).toThrow(
      /Unknown event types: `gossip`, `background`.*investigation, arrest, charge/,
    );
  });
});
