import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run.ts';

/**
 * The offline demo tells the truth (issue 12, item 6): what a new user sees from `npm start`
 * without a token — the alerts posted and the /status answer, field by field.
 */
describe('the offline demo', () => {
  it('posts only real developments and answers /status with the right stage, charge, penalty, next date and latest', async () => {
    let text = '';
    const out = new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    });
    await runDemo(out, 'silent');
    // The alerts: each a development the sample articles report as news, none invented.
    const alerts = [...text.matchAll(/#alerts — new alert\n\s+┌─+\n\s+│ \*\*([^*]+)\*\*/g)].map((m) => m[1]);
    expect(alerts).toEqual([
      'Plea — Marcus Hale',
      'Hearing — Marcus Hale',
      'Motion — Marcus Hale',
      'Ruling — Marcus Hale',
      'Trial — Marcus Hale',
    ]);
    const status = text.slice(text.indexOf('> /status'), text.indexOf('> /quotes'));
    const lines = status.split('\n').map((l) => l.replace(/^\s*│ ?/, '').trim());
    expect(lines).toContain('**Ridgeway warehouse fire**');
    expect(lines).toContain('Status as of 2025-04-16');
    expect(status).toMatch(/\*\*Next:\*\* 2025-09-08 — /);
    // One defendant, pretrial; one charge, still pending after the motion to dismiss was denied.
    expect(
      lines.filter((l) => / — (investigation|charged|pretrial|trial|verdict|sentenced|dismissed)__$/.test(l)),
    ).toEqual(['__Marcus Hale — pretrial__']);
    expect(lines.filter((l) => l.startsWith('• '))).toEqual(['• involuntary manslaughter — pending']);
    expect(lines).toContain('Maximum penalty: 4 years');
    // The latest developments, newest first, each with its source; the trial date set ahead is
    // shown once, as Next, not among them out of date order; the third outlet's undated "appeared
    // before the judge" is the arraignment the plea stands for, not a development of its own.
    expect(lines.filter((l) => /^__(\d{4}-\d{2}-\d{2}|date not given) · /.test(l))).toEqual([
      '__2025-04-14 · Ruling · Marcus Hale__',
      '__2025-04-01 · Motion · Marcus Hale__',
      '__2025-03-07 · Plea · Marcus Hale__',
    ]);
    expect(status).not.toMatch(/Dismissal|dismissed/);
  }, 120_000);
});
