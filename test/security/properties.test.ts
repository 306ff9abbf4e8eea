import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors.ts';
import { parseFeed } from '../../src/feeds/parse.ts';
import { precleanXml } from '../../src/feeds/preclean.ts';
import { htmlToText, plainLine, safeLink } from '../../src/feeds/sanitize.ts';
import { isForbiddenAddress, parseHttpUrl } from '../../src/feeds/urlSafety.ts';

/** Property-based fuzzing of the feed and URL paths (fast-check; seeds are printed on failure). */

const CONTROL_OR_INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/;
// Text that looks like markup, entities and escapes, mixed with anything at all.
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        '<script>',
        '</script>',
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<p',
        '>',
        '&',
        '&amp;',
        '&#0;',
        '&#x1b;',
        '&nbsp;',
        '\u001b[31m',
        '\u202e',
        '\u0000',
        '<!DOCTYPE x [',
        ']',
        '<!ENTITY a "b">',
        '<a href="javascript:x">',
        'text ',
        '"',
        "'",
        '\ud800',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

describe('feed text', () => {
  it('htmlToText and plainLine give plain text: no controls, no invisible characters, capped', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 5, max: 500 }), (html, max) => {
        const text = htmlToText(html, max);
        expect(text.length).toBeLessThanOrEqual(max);
        expect(CONTROL_OR_INVISIBLE.test(text)).toBe(false);
        expect(text).not.toMatch(/<\/?script/i);
        const line = plainLine(html, max);
        expect(line).not.toContain('\n');
        expect(line.length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 500 },
    );
  });

  it('precleanXml either refuses with a FeedError or returns XML without controls or entity declarations', () => {
    fc.assert(
      fc.property(hostile, hostile, (before, inside) => {
        try {
          const { xml } = precleanXml(`${before}<rss version="2.0"><channel>${inside}</channel></rss>`);
          expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)).toBe(false);
          expect(xml).not.toMatch(/<!ENTITY\b/i);
        } catch (err) {
          expect(err).toBeInstanceOf(FeedError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parseFeed never throws anything but a FeedError, and every item link it returns is http(s)', async () => {
    const item = fc.record({ title: hostile, link: fc.oneof(fc.webUrl(), hostile), body: hostile });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 5 }), async (items) => {
        const xml = `<rss version="2.0"><channel><title>T</title>${items
          .map(
            (i) =>
              `<item><title>${i.title}</title><link>${i.link}</link><description>${i.body}</description></item>`,
          )
          .join('')}</channel></rss>`;
        try {
          const feed = await parseFeed(xml, { maxItems: 10, baseUrl: 'https://feed.example/rss' });
          for (const it of feed.items) {
            if (it.link) expect(new URL(it.link).protocol).toMatch(/^https?:$/);
            expect(CONTROL_OR_INVISIBLE.test(it.title + it.text)).toBe(false);
          }
        } catch (err) {
          expect(err).toBeInstanceOf(FeedError);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('URLs', () => {
  it('safeLink returns an http(s) URL without credentials, or nothing', () => {
    const scheme = fc.constantFrom(
      'http:',
      'https:',
      'javascript:',
      'JaVa\tScRiPt:',
      'data:',
      'file:',
      'vbscript:',
      '//',
      '',
    );
    fc.assert(
      fc.property(scheme, fc.string({ maxLength: 80 }), fc.boolean(), (s, rest, creds) => {
        const link = safeLink(`${s}${creds ? '//u:p@' : '//'}${rest}`, 'https://feed.example/rss');
        if (link === undefined) return;
        const url = new URL(link);
        expect(url.protocol).toMatch(/^https?:$/);
        expect(url.username + url.password).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('parseHttpUrl accepts only http(s) without credentials, and says why otherwise', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ authoritySettings: { withUserInfo: true } }), fc.string({ maxLength: 60 })),
        (raw) => {
          try {
            const url = parseHttpUrl(raw);
            expect(url.protocol).toMatch(/^https?:$/);
            expect(url.username + url.password).toBe('');
          } catch (err) {
            expect((err as FeedError).reason).toBe('bad_url');
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  const octet = fc.integer({ min: 0, max: 255 });
  const privateV4 = fc.oneof(
    fc.tuple(fc.constant(10), octet, octet, octet),
    fc.tuple(fc.constant(127), octet, octet, octet),
    fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
    fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
    fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
  );
  const hex = (a: number, b: number) => ((a << 8) | b).toString(16);

  it('a private IPv4 address is refused in every IPv6 disguise', () => {
    fc.assert(
      fc.property(privateV4, ([a, b, c, d]) => {
        const v4 = `${a}.${b}.${c}.${d}`;
        for (const address of [
          v4,
          `::ffff:${v4}`,
          `::ffff:${hex(a, b)}:${hex(c, d)}`,
          `::${hex(a, b)}:${hex(c, d)}`,
          `64:ff9b::${hex(a, b)}:${hex(c, d)}`,
          `64:ff9b:1::${hex(a, b)}:${hex(c, d)}`,
          `2002:${hex(a, b)}:${hex(c, d)}::1`,
        ])
          expect(isForbiddenAddress(address), address).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
