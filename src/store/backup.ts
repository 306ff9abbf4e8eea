import { z } from 'zod';
import { alertSettingsSchema, createAlertSettingsStore } from '../alerts/settings.ts';
import { type CaseDefinition, caseDefinitionSchema } from '../cases/definition.ts';
import { createCaseStore } from './cases.ts';
import { createFeedStore } from './feeds.ts';
import type { Store } from './types.ts';

/**
 * `casewatch export` / `casewatch import`: a server's cases, feeds and alert settings as one
 * versioned JSON document, validated with zod on the way in. Import never overwrites a different
 * value unless asked (`replace`): it lists the conflicts and writes nothing.
 */

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

export const backupSchema = z.object({
  format: z.literal('casewatch-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  // A server's own case keeps its owner (tenancy): only that server's feeds reach it.
  cases: z.array(caseDefinitionSchema.extend({ owner: snowflake.optional() })),
  tracking: z.array(z.object({ guildId: snowflake, slug: z.string().min(1) })),
  feeds: z.array(
    z.object({
      url: z.url({ protocol: /^https?$/ }),
      title: z.string().max(500).optional(),
      guildId: snowflake.optional(),
      caseSlug: z.string().min(1).optional(),
      intervalMinutes: z.number().int().min(1).max(1440).optional(),
      include: z.array(z.string().trim().min(1).max(100)).max(25).optional(),
      exclude: z.array(z.string().trim().min(1).max(100)).max(25).optional(),
      channelId: snowflake.optional(),
    }),
  ),
  alerts: z.array(alertSettingsSchema.extend({ guildId: snowflake })),
});

export type Backup = z.infer<typeof backupSchema>;

/** Everything in the store, or one server's part of it (its tracked cases, feeds and alerts). */
export async function exportBackup(store: Store, guildId?: string, now = new Date()): Promise<Backup> {
  const cases = createCaseStore(store);
  const settings = createAlertSettingsStore(store);
  const all = await cases.list();
  const tracking: Backup['tracking'] = [];
  for (const c of all)
    for (const g of await cases.guildsTracking(c.slug))
      if (!guildId || g === guildId) tracking.push({ guildId: g, slug: c.slug });
  const feeds = (await createFeedStore(store).list(guildId)).flatMap((f) =>
    f.subscriptions
      .filter((s) => !guildId || s.guildId === guildId)
      .map((s) => ({
        url: f.url,
        ...(f.title && { title: f.title }),
        ...(s.guildId && { guildId: s.guildId }),
        ...(s.caseSlug && { caseSlug: s.caseSlug }),
        ...(s.intervalMinutes && { intervalMinutes: s.intervalMinutes }),
        ...(s.include?.length && { include: s.include }),
        ...(s.exclude?.length && { exclude: s.exclude }),
        ...(s.channelId && { channelId: s.channelId }),
      })),
  );
  const alerts: Backup['alerts'] = [];
  for (const g of guildId ? [guildId] : await settings.guilds()) {
    const s = await settings.get(g);
    if (s) alerts.push({ guildId: g, ...s });
  }
  const used = new Set([...tracking.map((t) => t.slug), ...feeds.flatMap((f) => f.caseSlug ?? [])]);
  return {
    format: 'casewatch-export',
    version: 1,
    exportedAt: now.toISOString(),
    cases: guildId ? all.filter((c) => used.has(c.slug)) : all,
    tracking,
    feeds,
    alerts,
  };
}

export interface ImportReport {
  /** "case rust: name differs" — each value the import would overwrite. */
  conflicts: string[];
  written: { cases: number; tracking: number; feeds: number; alerts: number };
  unchanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, x]) => [k, sorted(x)]),
  );
}

/**
 * Checks every item first; with conflicts and no `replace`, writes nothing and returns them.
 * Feeds are written as given (not fetched): the poller checks them at its next tick.
 */
export async function importBackup(
  store: Store,
  backup: Backup,
  options: { replace?: boolean; defaultInterval: number; now?: Date },
): Promise<ImportReport> {
  const cases = createCaseStore(store);
  const feeds = createFeedStore(store);
  const settings = createAlertSettingsStore(store);
  const conflicts: string[] = [];
  const writes: Array<() => Promise<void>> = [];
  const written = { cases: 0, tracking: 0, feeds: 0, alerts: 0 };
  let unchanged = 0;
  const known = new Set([...(await cases.list()).map((c) => c.slug), ...backup.cases.map((c) => c.slug)]);
  for (const ref of [...backup.tracking.map((t) => t.slug), ...backup.feeds.flatMap((f) => f.caseSlug ?? [])])
    if (!known.has(ref)) throw new Error(`the file refers to case "${ref}", which it does not define`);

  for (const def of backup.cases) {
    const current = await cases.get(def.slug);
    if (current && same(current, def)) unchanged++;
    else {
      if (current) conflicts.push(`case ${def.slug}: ${describeCase(current)} → ${describeCase(def)}`);
      writes.push(async () => {
        await cases.put(def);
        written.cases++;
      });
    }
  }
  for (const t of backup.tracking) {
    if ((await cases.guildsTracking(t.slug)).includes(t.guildId)) unchanged++;
    else
      writes.push(async () => {
        await cases.track(t.guildId, t.slug);
        written.tracking++;
      });
  }
  for (const f of backup.feeds) {
    const { url, title, ...sub } = f;
    const current = (await feeds.get(url))?.subscriptions.find(
      (s) => (s.guildId ?? '') === (f.guildId ?? ''),
    );
    const { addedAt, ...currentOptions } = current ?? { addedAt: '' };
    if (current && same(currentOptions, sub)) unchanged++;
    else {
      if (current) conflicts.push(`feed ${url}${f.guildId ? ` (server ${f.guildId})` : ''}: settings differ`);
      writes.push(async () => {
        const at = addedAt || (options.now ?? new Date()).toISOString();
        await feeds.add(url, { ...sub, addedAt: at }, options.defaultInterval);
        if (title) await feeds.setTitle(url, title);
        written.feeds++;
      });
    }
  }
  for (const { guildId, ...wanted } of backup.alerts) {
    const current = await settings.get(guildId);
    if (current && same(current, wanted)) unchanged++;
    else {
      if (current) conflicts.push(`alert settings of server ${guildId} differ`);
      writes.push(async () => {
        await settings.set(guildId, wanted);
        written.alerts++;
      });
    }
  }
  if (conflicts.length && !options.replace) return { conflicts, written, unchanged };
  for (const write of writes) await write();
  return { conflicts, written, unchanged };
}

function describeCase(c: CaseDefinition): string {
  return `"${c.name}" (${c.aliases.length} aliases, ${c.defendants.length} defendants)`;
}
