import type { CaseStatus } from '../cases/types.ts';
import {
  COLORS,
  courtMark,
  dateLabel,
  type EmbedField,
  escapeMarkdown,
  type MessagePayload,
  payload,
  sourceList,
  typeLabel,
} from './payload.ts';

/** /status: per defendant stage, charges and maximum penalty; the next date; the latest developments. */
export function statusEmbed(status: CaseStatus): MessagePayload {
  const fields: EmbedField[] = [];
  const defendants = Object.entries(status.defendants);
  for (const [name, d] of defendants) {
    const charges = d.charges.length
      ? d.charges.map((c) => `• ${escapeMarkdown(chargeLabel(c))} — ${c.status}`).join('\n')
      : 'No charges reported';
    fields.push({
      name: `${name} — ${d.stage}`,
      value: `${charges}\nMaximum penalty: ${penaltyLabel(d.maxPenalty)}`,
    });
  }
  for (const dev of status.latest) {
    fields.push({
      name: `${dateLabel(dev.date)} · ${typeLabel(dev.type)}${dev.who ? ` · ${dev.who}` : ''}${courtMark(dev)}`,
      value: `${escapeMarkdown(dev.summary)}\n${sourceList(dev.sources, 400)}`,
    });
  }
  const next = status.next
    ? `**Next:** ${dateLabel(status.next.date)} — ${escapeMarkdown(status.next.what)}`
    : '**Next:** no date scheduled';
  const who = defendants.length ? '' : '\nNo defendant named yet.';
  return payload({
    title: status.name,
    description: `Status as of ${status.asOf}\n${next}${who}`,
    color: COLORS.status,
    fields,
    footer: { text: `casewatch · ${status.case} · latest developments with their sources` },
  });
}

/** A charge's name, with its proceeding when the defendant has several ("murder (federal)"). */
export function chargeLabel(c: { charge: string; proceeding?: string }): string {
  if (!c.proceeding) return c.charge;
  const court = c.proceeding.replace(/\b\w/g, (l) => l.toUpperCase());
  return `${c.charge} (${c.proceeding === 'federal' || c.proceeding === 'state' ? c.proceeding : court})`;
}

export function penaltyLabel(p: { max: number | null; unit: string } | null): string {
  if (!p) return 'none stated';
  if (p.unit === 'life' || p.unit === 'death') return p.unit === 'life' ? 'life in prison' : 'death penalty';
  return `${p.max ?? '?'} ${p.unit}`;
}

/** The same status as plain text (the CLI without --json). */
export function statusText(status: CaseStatus): string {
  const lines = [`${status.name}`, `Status as of ${status.asOf}`, ''];
  const defendants = Object.entries(status.defendants);
  if (defendants.length === 0) lines.push('No defendant named yet.');
  for (const [name, d] of defendants) {
    lines.push(`${name}: ${d.stage}`);
    for (const c of d.charges) lines.push(`  - ${chargeLabel(c)}: ${c.status}`);
    if (d.charges.length === 0) lines.push('  - no charges reported');
    lines.push(`  maximum penalty: ${penaltyLabel(d.maxPenalty)}`);
  }
  lines.push(
    '',
    status.next ? `Next: ${dateLabel(status.next.date)} — ${status.next.what}` : 'Next: no date scheduled',
    '',
  );
  lines.push('Latest:');
  for (const dev of status.latest) {
    lines.push(
      `  ${dateLabel(dev.date)}  ${typeLabel(dev.type)}${dev.who ? ` (${dev.who})` : ''}${dev.court ? ' [court record]' : ''}: ${dev.summary}`,
    );
    for (const s of dev.sources) lines.push(`      ${s.outlet}  ${s.url}`);
  }
  if (status.latest.length === 0) lines.push('  nothing reported yet');
  return `${lines.join('\n')}\n`;
}
