/**
 * An error whose message is meant for the user ("No tracked case called …"). The interaction
 * dispatcher shows it as-is; any other error is logged and answered with a generic apology.
 */
export class UserError extends Error {
  override name = 'UserError';
}
