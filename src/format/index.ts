export { alertEmbed } from './alertEmbed.ts';
export type { Embed, EmbedField, MessagePayload } from './payload.ts';
export { escapeMarkdown, fitEmbed, LIMITS, truncate } from './payload.ts';
export { type PersonRow, peopleEmbed } from './peopleEmbed.ts';
export { quotesPage } from './quotesPage.ts';
export { penaltyLabel, statusEmbed, statusText } from './statusEmbed.ts';
export { type Page, timelinePage } from './timelinePage.ts';
