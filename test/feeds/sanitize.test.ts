import { describe, expect, it } from 'vitest';
import { canonicalLink, itemIdentity } from '../../src/feeds/identity.ts';
import { htmlToText, plainLine, safeLink } from '../../src/feeds/sanitize.ts';
import { HTML_ENTITIES } from '../../src/feeds/tables.ts';

describe('sanitising feed text', () => {
  it('drops script and style bodies, tags and comments, and decodes entities', () => {
    const text = htmlToText(
      '<p>Jury <b>finds</b> &eacute;vidence</p><script>alert("x")</script><style>p{}</style><!-- hidden --><p>Next&nbsp;step</p>',
    );
    expect(text).toBe('Jury finds évidence\n\nNext step');
  });

  it('removes ANSI escapes, control, zero-width and bidi characters, and caps length', () => {
    expect(plainLine('\u001b[31mRed\u001b[0m \u202eevil\u202c z\u200bw\u0007')).toBe('Red evil zw');
    expect(plainLine('x'.repeat(1000), 50)).toHaveLength(50);
  });

  it('never makes text longer (parse.ts skips a body no longer than the best text so far)', () => {
    const inputs = [
      ...[...HTML_ENTITIES.keys()].flatMap((name) => [`&${name};`, `&${name}`]),
      '&#x1F600;',
      '&#9;',
      '&lt',
      '<p>a</p><br><hr/>b',
      'a\r\n\r\nb',
      'tab\there  and\u00a0there \n\n\n\n next',
      `${'long '.repeat(30)}`,
    ];
    for (const input of inputs) {
      expect(htmlToText(input).length, input).toBeLessThanOrEqual(input.length);
      expect(htmlToText(input, 8).length, input).toBeLessThanOrEqual(input.length);
    }
  });

  it('cleans plain text (no markup, no entity) the same way as marked-up text', () => {
    expect(htmlToText('One  two\t three \r\n\r\n\r\n\r\nFour\u200b five ')).toBe(
      'One two three\n\nFour five',
    );
    expect(htmlToText('<p>One  two\t three</p><p>Four\u200b five</p>')).toBe('One two three\n\nFour five');
  });

  it('keeps only http(s) links and resolves relative ones', () => {
    expect(safeLink('/a?b=1', 'https://news.example.com/feed')).toBe('https://news.example.com/a?b=1');
    expect(safeLink('&#106;avascript:alert(1)')).toBeUndefined();
    expect(safeLink('//evil.example/x')).toBeUndefined();
    expect(safeLink('https://user:pw@news.example.com/a')).toBe('https://news.example.com/a');
  });
});

describe('item identity', () => {
  it('canonicalises links: case, default port, fragment, tracking parameters, parameter order', () => {
    expect(canonicalLink('HTTPS://News.Example.COM:443/a?utm_source=x&b=2&fbclid=y&a=1&ref=tw#top')).toBe(
      'https://news.example.com/a?a=1&b=2',
    );
  });

  it('uses the guid, else the canonical link, else a hash of title and date', () => {
    expect(itemIdentity({ guid: 'urn:1', link: 'https://x.example/a' })).toBe('guid:urn:1');
    expect(itemIdentity({ link: 'https://x.example/a?utm_medium=email' })).toBe(
      itemIdentity({ link: 'https://x.example/a' }),
    );
    const a = itemIdentity({ title: 'T', published: '2024-01-01' });
    expect(a).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(a).not.toBe(itemIdentity({ title: 'T', published: '2024-01-02' }));
  });
});
