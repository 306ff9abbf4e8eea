/**
 * Case names as CourtListener shows them (juriscraper's `harmonize` + `clean_string`): "USA v.
 * Smith et al" → "United States v. Smith", party labels ("Plaintiff", "Appellee") and "et al"
 * dropped, stray punctuation trimmed at each side of " v. ".
 */

const US = /^(USA|U\.S\.A\.|U\.S\.?|U\. S\.?|(The )?United States of America|The United States)(,|\.)?$/i;
const ET_AL = /,?\set\.?\sal\.?/gi;
const PARTY_LABEL = new RegExp(
  `^(${[
    'appell(ee|ant)s?',
    'claimants?',
    'complainants?',
    'defendants?',
    'defendants?(--?|/)appell(ee|ant)s?',
    'devisee',
    'executor',
    'executrix',
    'pet(\\.|itioner)s?',
    'petitioners?',
    'petitioners?(--?|/)appell(ee|ant)s?',
    'petitioners?(--?|/)defendants?',
    'plaintiffs?',
    'plaintiffs?(--?|/)appell(ee|ant)s?',
    'respond(e|a)nts?',
    'respond(e|a)nts?(--?|/)appell(ee|ant)s?',
    'cross(--?|/)respondents?',
    'crosss?(--?|/)petitioners?',
    'cross(--?|/)appell(ees|ant)s?',
    'deceased',
  ].join('|')})(,|\\.)?$`,
  'i',
);
const EDGE_PUNCTUATION = /^(-|–|_|\/|;|,|\s)*|(-|–|_|\/|;|,|\s)*$/g;

export function harmonizeCaseName(raw: string): string {
  let text = raw.replace(/\svs\.?\s/gi, ' v. ').replace(/\sv\.?\s/g, ' v. ');
  text = text
    .split(/\s+/)
    .map((w) => (PARTY_LABEL.test(w) ? '' : w))
    .join(' ');
  const parties = text.split(' v. ').map((p) => {
    const party = p.trim();
    if (US.test(party)) return 'United States';
    if (party.toLowerCase() === 'the state') return 'State';
    return party === 'US' ? 'United States' : party;
  });
  let result = parties.join(' v. ').replace(ET_AL, '');
  result = result.replace(/^Nos?\.\s+/, '');
  return clean(result);
}

function clean(s: string): string {
  const out = s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*#]/g, '')
    .split(' v. ')
    .map((frag) => frag.replace(EDGE_PUNCTUATION, ''))
    .join(' v. ');
  return out.split(/\s+/).filter(Boolean).join(' ').replace(/\s+,/g, ',');
}
