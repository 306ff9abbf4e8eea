// people/: who an article names — capitalised name runs, one person per set of spellings, role and
// gender evidence around each mention; builds the PersonRegistry that quotes/, events/, charges/ read.
export { buildPersonRegistry, peopleFacts } from './people.ts';
export { accusedNames, rolesFromFacts } from './rolesFromFacts.ts';
