/**
 * Federal court ids as CourtListener and juriscraper spell them ("nysd", "nysb", "ca2", "cadc"),
 * their kind, and where their CM/ECF "Recent Entries" RSS feed is. State courts have no such feed.
 */

export type CourtKind = 'appellate' | 'bankruptcy' | 'district';

/**
 * A court id from what a person types: "nysd", "NYSD", "S.D.N.Y.", "sdny" (the bar's order of
 * district and state is the reverse of PACER's: S.D.N.Y. is PACER's "nysd").
 */
export function normaliseCourtId(input: string): string {
  const id = input.toLowerCase().replace(/[^a-z0-9]/g, '');
  const bar = /^([nsewcm]d)([a-z]{2})$/.exec(id);
  return bar ? `${bar[2]}${bar[1]}` : id;
}

export function courtKind(court: string): CourtKind {
  if (/\d$/.test(court) || ['cadc', 'cafc', 'cavc'].includes(court)) return 'appellate';
  return court.endsWith('b') ? 'bankruptcy' : 'district';
}

/** "ecf.nysd.uscourts.gov" → "nysd". */
export function courtFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return /^ecf\.([a-z0-9]+)\.uscourts\.gov$/i.exec(new URL(url).hostname)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Where a court publishes its feed (the same paths juriscraper queries). */
export function defaultCourtFeedUrl(court: string): string {
  if (court === 'nyed') return 'https://ecf.nyed.uscourts.gov/cgi-bin/readyDockets.pl';
  if (courtKind(court) === 'appellate')
    return `https://ecf.${court}.uscourts.gov/n/beam/servlet/TransportRoom?servlet=RSSGenerator`;
  return `https://ecf.${court}.uscourts.gov/cgi-bin/rss_outside.pl`;
}

/** "Southern District of New York - Recent Entries" → "Southern District of New York". */
export function courtNameFromTitle(title: string, court: string): string {
  const name = title.replace(/\s*[-–]\s*(recent entries|rss).*$/i, '').trim();
  return name || court.toUpperCase();
}
