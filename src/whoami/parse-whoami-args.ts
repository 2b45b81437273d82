import type { AccountDirectory } from '../aws/account-directory';
import { commandWords } from '../slack/api/command-words';
import type { WhoamiJob } from './whoami-job';

export type WhoamiArgs = { ok: true; account?: WhoamiJob['account'] } | { ok: false; problem: string };

/** `''` → the bot itself; one account id or configured name → that account; anything else is a usage error. */
export function parseWhoamiArgs(text: string, accounts: AccountDirectory): WhoamiArgs {
  const words = commandWords(text);
  if (words.length === 0) return { ok: true };
  if (words.length > 1) return { ok: false, problem: `Expected one account, got ${words.length} words.` };
  const [word = ''] = words;
  if (word === 'help') return { ok: false, problem: 'Here is how /aws-whoami works.' };
  const choice = accounts.tryResolve(word);
  if (!choice.ok) return { ok: false, problem: choice.problem };
  const { id, name } = choice.account;
  return { ok: true, account: name ? { id, name } : { id } };
}
