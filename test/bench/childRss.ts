/** Shared by the child-*.ts processes: settle, collect garbage, report memory as one JSON line. */
export async function reportMemory(extra: Record<string, unknown> = {}) {
  await new Promise((r) => setTimeout(r, 1000));
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const m = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, gc: Boolean(gc), ...extra })}\n`,
  );
}
