import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../src/feeds/decode.ts';
import { parseFeedBody } from '../../src/feeds/parse.ts';

const doc = (title: string, decl = '') =>
  `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>${title}</title><item><title>${title}</title><link>https://example.com/1</link></item></channel></rss>`;

const title = 'Ça coûte 5 € — «déjà»';

describe('decodeFeed', () => {
  it('reads UTF-8/16/32 byte order marks', () => {
    const text = doc(title);
    const cases: Array<[string, Buffer]> = [
      ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['utf-16be', iconv.encode(text, 'utf-16be', { addBOM: true })],
      ['utf-32le', iconv.encode(text, 'utf-32le', { addBOM: true })],
      ['utf-32be', iconv.encode(text, 'utf-32be', { addBOM: true })],
    ];
    for (const [name, bytes] of cases) {
      const out = decodeFeed(bytes);
      expect(out.encoding, name).toBe(name);
      expect(out.text, name).toContain(`<title>${title}</title>`);
    }
  });

  it('sniffs UTF-16 without a BOM and removes the now-wrong encoding declaration', () => {
    const out = decodeFeed(Buffer.from(doc(title, ' encoding="UTF-16"'), 'utf16le'));
    expect(out.encoding).toBe('utf-16le');
    expect(out.text.startsWith('<?xml version="1.0"?>')).toBe(true);
  });

  it('honours the XML declaration and the Content-Type charset for single-byte and CJK encodings', () => {
    const ru = 'Новости суда';
    expect(decodeFeed(iconv.encode(doc(ru, ' encoding="KOI8-R"'), 'koi8-r')).text).toContain(ru);
    expect(decodeFeed(iconv.encode(doc(ru, ' encoding="windows-1251"'), 'win1251')).text).toContain(ru);
    const ja = '東京地裁の判決';
    expect(
      decodeFeed(iconv.encode(doc(ja), 'shift_jis'), 'application/rss+xml; charset=Shift_JIS').text,
    ).toContain(ja);
    expect(decodeFeed(iconv.encode(doc('법원 판결', ' encoding="euc-kr"'), 'euc-kr')).text).toContain(
      '법원 판결',
    );
  });

  it('falls back to windows-1252 when bytes claimed or assumed UTF-8 are not', () => {
    const out = decodeFeed(iconv.encode(doc(title), 'windows-1252'));
    expect(out.encoding).toBe('windows-1252');
    expect(out.text).toContain(title);
  });

  it('prefers UTF-8 when a Latin-1 declaration contradicts valid UTF-8 bytes', () => {
    expect(decodeFeed(Buffer.from(doc(title, ' encoding="ISO-8859-1"'))).text).toContain(title);
  });

  it('decodes EBCDIC cp037, which iconv-lite lacks', async () => {
    const { CP037 } = await import('../../src/feeds/tables.ts');
    const text = doc('Court ruling', ' encoding="cp037"');
    const bytes = Buffer.from(Array.from(text, (ch) => CP037.indexOf(ch)));
    const feed = await parseFeedBody(bytes, undefined, { maxItems: 10 });
    expect(feed.encoding).toBe('cp037');
    expect(feed.items[0]?.title).toBe('Court ruling');
  });
});
