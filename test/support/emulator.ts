// The emulator as the e2e suites start it: Discord's OpenAPI request schemas (when the team's copy
// is there) check every JSON body the bot sends, on top of the emulator's own rules.
import { type EmulatorOptions, startEmulator as start } from '../../emulator/index.ts';
import { openApiValidator } from './openapi.ts';

export type { Emulator } from '../../emulator/index.ts';

export function startEmulator(options: EmulatorOptions = {}) {
  return start({ validateBody: openApiValidator(), ...options });
}
