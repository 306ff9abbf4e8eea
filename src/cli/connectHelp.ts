/** Bot permissions the invite asks for: View Channels, Send Messages, Embed Links, Read Message History. */
export const BOT_PERMISSIONS = 1024 + 2048 + 16384 + 65536;

/** What to do to connect a real bot: shown whenever casewatch starts without a token. */
export function connectHelp(clientId?: string): string {
  const id = clientId ?? 'YOUR_APPLICATION_ID';
  const invite = `https://discord.com/oauth2/authorize?client_id=${id}&scope=bot%20applications.commands&permissions=${BOT_PERMISSIONS}`;
  return [
    'To connect a real Discord bot:',
    '  1. Create an application at https://discord.com/developers/applications, open "Bot",',
    '     press "Reset Token" and copy the token (keep it secret: it is the bot\'s password).',
    '  2. Put it in .env (copy .env.example): DISCORD_TOKEN=... and DISCORD_CLIENT_ID=<Application ID>.',
    '     Optional while developing: DISCORD_GUILD_ID=<your server id> registers commands instantly there.',
    '  3. Invite the bot to your server (scopes bot + applications.commands; permissions: View Channels,',
    '     Send Messages, Embed Links, Read Message History):',
    `     ${invite}`,
    '  4. Run "npm start" again. In Discord: /case track, /feed add, /alerts set, then /status.',
    '',
  ].join('\n');
}
