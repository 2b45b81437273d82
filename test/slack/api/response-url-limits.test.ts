import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../../blocks/check-limits';
import type { SlackReply } from '../../../blocks/message';
import { respondToUrl } from '../../../src/slack/api/response-url';

describe('respondToUrl: replies within Slack limits', () => {
  it('shortens a reply that breaks a Slack limit (with …) instead of having it refused', async () => {
    const bodies: Record<string, unknown>[] = [];
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
      return new Response('ok', { status: 200 });
    }) as typeof fetch;
    const reply: SlackReply = {
      responseType: 'in_channel',
      text: 'Report',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `${'a'.repeat(3100)} &amp;` } },
        ...Array.from({ length: 60 }, () => ({ type: 'divider' as const })),
      ],
    };

    await respondToUrl('https://hooks.slack.com/commands/T1/1/x', reply, {
      replaceOriginal: true,
      fetchImpl,
    });

    const [body] = bodies;
    expect(body).toMatchObject({ response_type: 'in_channel', replace_original: true, text: 'Report' });
    expect(checkSlackLimits(body)).toEqual([]);
    const blocks = body?.blocks as { text?: { text: string } }[];
    expect(blocks).toHaveLength(50);
    expect(blocks[0]?.text?.text.endsWith('…')).toBe(true);
    expect(reply.blocks).toHaveLength(61);
  });
});
