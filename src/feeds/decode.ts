import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

// iconv-lite loads with the first body in a charset other than UTF-8, not when the bot starts: an
// idle bot never needs it (about 2 MB of RSS).
const requireModule = createRequire(import.meta.url);
let iconvModule: typeof Iconv | undefined;
const iconv = () => {
  iconvModule ??= requireModule('iconv-lite') as typeof Iconv;
  return iconvModule;
};
const UTF8 = /^utf-?8$/i;

import { CP037 } from './tables.ts';

export interface DecodedText {
  text: string;
  /** The encoding that was used, for `feed check` and warnings. */
  encoding: string;
  /** Why that encoding: 'bom' | 'sniffed' | 'content-type' | 'xml-declaration' | 'default' | 'fallback'. */
  via: string;
}

/**
 * Bytes → string before rss-parser sees them (it assumes UTF-8, so every other encoding became
 * mojibake or a parse error). Order: BOM, byte patterns of UTF-16/32/EBCDIC without BOM, the
 * Content-Type charset, the XML declaration, then UTF-8 with windows-1252 as the fallback for bytes
 * that are not valid UTF-8. The declaration's encoding is removed afterwards: the text is no
 * longer in it.
 */
export function decodeFeed(body: Buffer, contentType?: string): DecodedText {
  const found = detect(body, contentType);
  let text = transcode(found.bytes, found.encoding);
  if (text === undefined) {
    const fb = utf8OrLatin(found.bytes);
    text = fb.text;
    found.encoding = fb.encoding;
    found.via = 'fallback';
  }
  return {
    text: stripDeclaredEncoding(text.replace(/^\uFEFF/, '')),
    encoding: found.encoding,
    via: found.via,
  };
}

interface Detected {
  bytes: Buffer;
  encoding: string;
  via: string;
}

function detect(body: Buffer, contentType?: string): Detected {
  const b = body;
  const at = (i: number) => b[i] ?? -1;
  const bom = (encoding: string, n: number): Detected => ({ bytes: b.subarray(n), encoding, via: 'bom' });
  if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) return bom('utf-8', 3);
  if (at(0) === 0xff && at(1) === 0xfe && at(2) === 0 && at(3) === 0) return bom('utf-32le', 4);
  if (at(0) === 0 && at(1) === 0 && at(2) === 0xfe && at(3) === 0xff) return bom('utf-32be', 4);
  if (at(0) === 0xff && at(1) === 0xfe) return bom('utf-16le', 2);
  if (at(0) === 0xfe && at(1) === 0xff) return bom('utf-16be', 2);
  const sniff = (encoding: string): Detected => ({ bytes: b, encoding, via: 'sniffed' });
  // '<' (or leading whitespace) followed by zero bytes: a UTF-16/32 document without a BOM.
  if (at(0) === 0x3c && at(1) === 0 && at(2) === 0 && at(3) === 0) return sniff('utf-32le');
  if (at(0) === 0 && at(1) === 0 && at(2) === 0 && at(3) === 0x3c) return sniff('utf-32be');
  if (at(0) !== 0 && at(1) === 0 && at(2) !== 0 && at(3) === 0) return sniff('utf-16le');
  if (at(0) === 0 && at(1) !== 0 && at(2) === 0 && at(3) !== 0) return sniff('utf-16be');
  if (at(0) === 0x4c && at(1) === 0x6f && at(2) === 0xa7 && at(3) === 0x94) return sniff('cp037'); // "<?xm"
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader && known(fromHeader))
    return preferUtf8({ bytes: b, encoding: fromHeader, via: 'content-type' });
  const head = b.subarray(0, 1024).toString('latin1');
  const declared = /^[\s\S]{0,200}?<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (declared && known(declared))
    return preferUtf8({ bytes: b, encoding: declared, via: 'xml-declaration' });
  return { bytes: b, encoding: 'utf-8', via: 'default' };
}

const SINGLE_BYTE_WESTERN = /^(iso-?8859-1|latin-?1|us-ascii|ascii|windows-1252|cp1252)$/i;

/**
 * Many feeds declare ISO-8859-1 while serving UTF-8 (a CMS default). Bytes that are valid UTF-8 and
 * contain multi-byte sequences are almost never intended as Latin-1, so UTF-8 wins there.
 */
function preferUtf8(d: Detected): Detected {
  if (SINGLE_BYTE_WESTERN.test(d.encoding) && hasMultibyte(d.bytes) && validUtf8(d.bytes)) {
    return { ...d, encoding: 'utf-8', via: `${d.via} (bytes are UTF-8)` };
  }
  return d;
}

function known(encoding: string): boolean {
  return UTF8.test(encoding) || isCp037(encoding) || iconv().encodingExists(encoding);
}

function isCp037(encoding: string): boolean {
  return /^(cp0?37|ibm0?37|ebcdic-cp-(us|ca|wt|nl)|csibm037)$/i.test(encoding);
}

/** undefined when the bytes are not valid in a UTF-8 claim (then the fallback decides). */
function transcode(bytes: Buffer, encoding: string): string | undefined {
  if (UTF8.test(encoding)) return validUtf8(bytes) ? bytes.toString('utf8') : undefined;
  if (isCp037(encoding)) return Array.from(bytes, (byte) => CP037[byte] ?? '').join('');
  try {
    return iconv().decode(bytes, encoding);
  } catch {
    return undefined;
  }
}

function utf8OrLatin(bytes: Buffer): { text: string; encoding: string } {
  if (validUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  return { text: iconv().decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function validUtf8(bytes: Buffer): boolean {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasMultibyte(bytes: Buffer): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

/** `<?xml version="1.0" encoding="koi8-r"?>` → `<?xml version="1.0"?>`. */
function stripDeclaredEncoding(text: string): string {
  return text.replace(/^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(["'])[^"']*\2/i, '$1');
}
