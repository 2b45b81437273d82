import type { App } from '@slack/bolt';
import { usageReply } from '../../../blocks/help';
import { type AccountDirectory, UnknownAccountError } from '../../aws/account-directory';
import type { JobOfKind } from '../../jobs/job';
import { WHOAMI_DOC } from '../command-catalog';
import { commandWords } from '../command-words';
import type { SlackAppDeps } from '../deps';
import { ackBody, replyTargetOf, startJobAndAck } from '../slash-command';

type WhoamiArgs = { ok: true; account?: JobOfKind<'whoami'>['account'] } | { ok: false; problem: string };

/** `''` → the bot itself; one account id or configured name → that account; anything else is a usage error. */
export function parseWhoamiArgs(text: string, accounts: AccountDirectory): WhoamiArgs {
  const words = commandWords(text);
  if (words.length === 0) return { ok: true };
  if (words.length > 1) return { ok: false, problem: `Expected one account, got ${words.length} words.` };
  const [word = ''] = words;
  if (word === 'help') return { ok: false, problem: 'Here is how /aws-whoami works.' };
  try {
    const account = accounts.resolve(word);
    return { ok: true, account: account.name ? { id: account.id, name: account.name } : { id: account.id } };
  } catch (error) {
    if (!(error instanceof UnknownAccountError)) throw error;
    const known = error.known.length > 0 ? ` Known names: ${error.known.join(', ')}.` : '';
    return {
      ok: false,
      problem: `"${word}" is neither a 12-digit account id nor a configured account name.${known}`,
    };
  }
}

export function registerAwsWhoami(app: App, deps: SlackAppDeps): void {
  app.command(WHOAMI_DOC.command, async ({ command, ack }) => {
    const args = parseWhoamiArgs(command.text, deps.accounts);
    if (!args.ok) {
      await ack(ackBody(usageReply(args.problem, WHOAMI_DOC)));
      return;
    }
    const job: JobOfKind<'whoami'> = {
      kind: 'whoami',
      id: command.trigger_id,
      reply: replyTargetOf(command),
      ...(args.account ? { account: args.account } : {}),
    };
    const where = args.account ? `in ${args.account.name ?? args.account.id}` : 'for the bot itself';
    await startJobAndAck(job, ack, deps, `Looking up the AWS identity ${where}…`, WHOAMI_DOC);
  });
}
