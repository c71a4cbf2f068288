import { defineCommand } from '../command.ts';
import { configOption, dbOption, duration } from '../options.ts';

interface MembersOptions { config: string; db: string }

const invite = defineCommand<MembersOptions & { expires?: number; url?: string }>({
  name: 'invite',
  description: 'print a one-time link that signs a device in as this member of the config',
  arguments: [{ name: '<name>', description: 'a member name of the config ("Naibing Wu")' }],
  options: [
    configOption, dbOption,
    { flags: '--expires <duration>', description: 'the link stops working after this long: 7d, 12h, 30m (default: 7d; at most 365d)', parse: duration },
    { flags: '--url <url>', description: 'the address members open (default: server.publicUrl of the config, else this machine on port 8080)' },
  ],
  help: 'The link goes to standard output, once: the store keeps only a hash of its code. Opening it in the reader binds that device.\n\nExample:\n  digest members invite "Naibing Wu" --url https://digest.lab.example.org/',
  run: async ({ args, options, io }) => {
    (await import('../room/members-command.ts')).inviteCommand(args[0] as string, options, io);
  },
});

const list = defineCommand<MembersOptions>({
  name: 'list',
  description: 'members of the config, their devices (id, label, last seen, signed out) and open invites',
  options: [configOption, dbOption],
  run: async ({ options, io }) => { (await import('../room/members-command.ts')).listCommand(options, io); },
});

const revoke = defineCommand<MembersOptions>({
  name: 'revoke',
  description: 'sign out one device, or every device of a member and close their open invites, at once',
  arguments: [{ name: '<name-or-device>', description: 'a member name, or a device id from `digest members list` (d-7k2m9q)' }],
  options: [configOption, dbOption],
  run: async ({ args, options, io }) => { (await import('../room/members-command.ts')).revokeCommand(args[0] as string, options, io); },
});

export default defineCommand({
  name: 'members',
  description: 'who may use the reading room: invite a member\'s device, list devices, sign them out',
  subcommands: [invite, list, revoke] as never[],
});
