// quotes/: quotations and who said them — quotation marks per paragraph (spans), the reporting
// clause before or after (speaker), and its subject resolved to a person, pronoun or office (subject).
export { extractQuotes } from './quotes.ts';
