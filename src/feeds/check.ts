import type { Article } from '../facts.ts';
import { describeFeedError, toFeedError } from './errors.ts';
import { fetchLimits, fetchUrl } from './fetch.ts';
import { buildArticle } from './fulltext.ts';
import type { PollConfig } from './poller.ts';
import { parseFeedBodyBounded as parseFeedBody } from './sandbox.ts';
import { parseHttpUrl } from './urlSafety.ts';

export type FeedCheck =
  | {
      ok: true;
      url: string;
      title: string;
      format: string;
      encoding: string;
      itemCount: number;
      /** Articles as the poller would hand them off (page text only when `fullText` was asked). */
      articles: Article[];
      warnings: string[];
    }
  | { ok: false; url: string; reason: string; message: string };

export interface CheckOptions {
  /** Fetch article pages for short items, as the poller does (the CLI does; /feed add does not). */
  fullText?: boolean;
  /** How many items to turn into articles. */
  maxArticles?: number;
}

/** Fetches and parses a feed once: what it is, or the exact reason it cannot be used. Never throws. */
export async function checkFeed(
  url: string,
  config: PollConfig,
  options: CheckOptions = {},
): Promise<FeedCheck> {
  try {
    const target = parseHttpUrl(url).href;
    const limits = fetchLimits(config);
    const res = await fetchUrl(target, limits);
    const feed = await parseFeedBody(res.body, res.contentType, {
      baseUrl: res.url,
      maxItems: config.FEED_MAX_ITEMS,
    });
    const articles: Article[] = [];
    for (const item of feed.items.slice(0, options.maxArticles ?? feed.items.length)) {
      const minChars = options.fullText ? config.FULLTEXT_MIN_CHARS : 0;
      articles.push(
        await buildArticle(item, { url: target, title: feed.title }, { limits, minChars }, new Date()),
      );
    }
    return {
      ok: true,
      url: res.url,
      title: feed.title,
      format: feed.format,
      encoding: feed.encoding,
      itemCount: feed.items.length,
      articles,
      warnings: feed.warnings,
    };
  } catch (err) {
    const fe = toFeedError(err);
    return { ok: false, url, reason: fe.reason, message: describeFeedError(fe) };
  }
}
