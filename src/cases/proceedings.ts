/**
 * One defendant's separate proceedings (state and federal, two states): a fact's `proceeding` is
 * 'federal', a US state, or 'state' (a state not named), or absent when its words name none. Two
 * facts are of different proceedings only when both name one and they differ; an unnamed state's
 * is any named state's. An act of one proceeding (a verdict on all counts, a drop, a conviction
 * overturned) never decides the charges of another.
 */
export function sameProceeding(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return true;
  if (a === 'federal' || b === 'federal') return false;
  return a === 'state' || b === 'state';
}
