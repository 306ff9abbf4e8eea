// dates/: date words in a sentence (mentions) and their resolution against the article's published
// day, past or future by tense (resolve). No knowledge of events: events/dates.ts picks an event's date.
export {
  addDays,
  afterEventDate,
  type DateMention,
  findDateMentions,
  formatDay,
  parseDay,
  type ResolvedDate,
  resolveMention,
  type Tense,
} from './resolve.ts';
