import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { BotHarness } from '../support/bot-harness';

const MAKER = 'U0MAKER01';
/** Zero-width, bidi and other invisible characters people paste into commands (issue 11.12). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/u;

/** Every string of an ack or reply: the fallback text and each block's text. */
function allText(body: Record<string, unknown>): string {
  return JSON.stringify(body);
}

describe('what people type into commands, through the real handlers', () => {
  const bot = new BotHarness();
  beforeAll(() => bot.start());
  afterAll(() => bot.stop());

  describe("Slack's escaping and invisible characters (one tokenizer for every command)", () => {
    it.each([
      ['/aws-whoami', '&lt;nope&gt;'],
      ['/aws-cases', '&lt;nope&gt;'],
      ['/aws-bucket', 'info &lt;nope&gt;'],
      ['/aws-help', '&lt;nope&gt;'],
    ])('%s echoes "%s" as the <nope> the person typed, not as &lt;', async (command, text) => {
      const ack = (await bot.command(command, text)).json();

      const section = String((ack.blocks as { text?: { text?: string } }[])[0]?.text?.text);
      expect(section).toContain('&lt;nope&gt;');
      expect(allText(ack)).not.toContain('&amp;lt;');
      expect(checkSlackLimits(ack)).toEqual([]);
    });

    it.each([
      ['/aws-whoami', 'nope\u200b\u202e-account'],
      ['/aws-cases', '9\u200bq\u2067'],
      ['/aws-bucket', 'frob\u202e\u200d'],
      ['/aws-help', 'x\u2060y\ufeff'],
    ])('%s never echoes invisible or bidi characters', async (command, text) => {
      const ack = (await bot.command(command, text)).json();

      expect(String(ack.text)).toMatch(/./);
      expect(allText(ack)).not.toMatch(INVISIBLE);
    });

    it.each([
      ['/aws-whoami', 'sta\u200bging'],
      ['/aws-cases', '7d\u200b status=open\u202c'],
      ['/aws-bucket', 'ls\u2060 account=sta\u200dging'],
    ])('%s reads "%s" as the visible words', async (command, text) => {
      const ack = (await bot.command(command, text, { userId: MAKER })).json();

      expect(String(ack.text)).not.toMatch(/Usage|not a|neither/);
      await bot.lambda.settled();
    });
  });

  describe('jobs the worker would refuse are never acked as started (issue 11.5)', () => {
    it.each([
      ['convert stg-data a.csv to=', /to= needs the key/],
      ['website stg-site index.html ""', /cannot be empty/],
    ])('/aws-bucket %s gets the usage and starts no job', async (text, why) => {
      const before = bot.lambda.invocations.length;

      const ack = (await bot.command('/aws-bucket', text, { userId: MAKER })).json();

      expect(JSON.stringify(ack)).toMatch(why);
      expect(JSON.stringify(ack)).not.toMatch(/Converting|working/i);
      expect(bot.lambda.invocations.length).toBe(before);
      expect(bot.slack.callsOf('views.open').length).toBe(0);
    });
  });
});
