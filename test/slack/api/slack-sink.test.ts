import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkSlackLimits } from '../../../blocks/check-limits';
import type { SlackMessage } from '../../../blocks/message';
import { logger } from '../../../src/lambda/logger';
import {
  blockKitBuilderUrl,
  ConsoleSink,
  createSlackSink,
  WebApiSink,
} from '../../../src/slack/api/slack-sink';
import { SlackStandIn } from '../../support/slack-stand-in';

const message: SlackMessage = {
  text: 'EC2 issue in eu-west-1',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*EC2* issue &amp; more' } }],
};

describe('ConsoleSink', () => {
  it('prints the message JSON and a Block Kit Builder link that opens the same blocks', async () => {
    // Prepare
    const lines: string[] = [];
    const sink = new ConsoleSink((line) => lines.push(line));

    // Act
    const ref = await sink.post('C0ALERTS01', message);

    // Assess
    const output = lines.join('\n');
    expect(output).toContain('post to C0ALERTS01');
    expect(JSON.parse(lines[1] ?? '')).toEqual(message);
    const link = lines.find((line) => line.includes('https://app.slack.com/block-kit-builder/#')) ?? '';
    const fragment = link.slice(link.indexOf('#') + 1);
    expect(JSON.parse(decodeURIComponent(fragment))).toEqual({ blocks: message.blocks });
    expect(ref.channel).toBe('C0ALERTS01');
  });

  it('hands out distinct references so thread replies and edits still work', async () => {
    const lines: string[] = [];
    const sink = new ConsoleSink((line) => lines.push(line));

    const first = await sink.post('C0ALERTS01', message);
    const reply = await sink.post('C0ALERTS01', message, { threadTs: first.ts });
    await sink.update(first, message);

    expect(reply.ts).not.toBe(first.ts);
    expect(lines.join('\n')).toContain(`reply in C0ALERTS01 thread ${first.ts}`);
    expect(lines.join('\n')).toContain(`update C0ALERTS01 ${first.ts}`);
  });
});

describe('blockKitBuilderUrl', () => {
  it('encodes characters that would end the fragment or break the URL', () => {
    const url = blockKitBuilderUrl({
      text: 't',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '# % & ?' } }],
    });

    expect(url.split('#')).toHaveLength(2);
    expect(url).not.toMatch(/[ ?&]/);
  });
});

describe('WebApiSink against the Slack stand-in', () => {
  const slack = new SlackStandIn();
  beforeAll(() => slack.start());
  afterAll(() => slack.stop());

  it('posts with the token, blocks, fallback text and no unfurling, and returns channel and ts', async () => {
    // Prepare
    const sink = new WebApiSink('xoxb-test', slack.apiUrl);

    // Act
    const ref = await sink.post('C0ALERTS01', message);

    // Assess
    const call = await slack.waitFor('chat.postMessage');
    expect(call.headers.authorization).toBe('Bearer xoxb-test');
    expect(call.body).toMatchObject({
      channel: 'C0ALERTS01',
      text: message.text,
      blocks: message.blocks,
      unfurl_links: 'false',
    });
    expect(ref).toEqual({ channel: 'C0ALERTS01', ts: expect.stringMatching(/^\d+\.\d+$/) });
  });

  it('replies in a thread and edits a posted message in place', async () => {
    const sink = new WebApiSink('xoxb-test', slack.apiUrl);
    const ref = await sink.post('C0ALERTS01', message);

    await sink.post('C0ALERTS01', message, { threadTs: ref.ts });
    await sink.update(ref, { ...message, text: 'resolved' });

    const threaded = slack.callsOf('chat.postMessage').find((c) => c.body.thread_ts === ref.ts);
    const update = await slack.waitFor('chat.update');
    expect(threaded).toBeDefined();
    expect(update.body).toMatchObject({ channel: ref.channel, ts: ref.ts, text: 'resolved' });
  });

  it('fails with Slack’s error when the API refuses the post', async () => {
    slack.answers.set('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
    const sink = new WebApiSink('xoxb-test', slack.apiUrl);

    await expect(sink.post('C0NOWHERE1', message)).rejects.toThrow(/channel_not_found/);
    slack.answers.delete('chat.postMessage');
  });

  it('is what createSlackSink builds when a token is set; the console sink otherwise', () => {
    expect(createSlackSink('xoxb-test', slack.apiUrl)).toBeInstanceOf(WebApiSink);
    expect(createSlackSink(undefined, slack.apiUrl)).toBeInstanceOf(ConsoleSink);
  });

  it('shortens a message that breaks a Slack limit (with …) instead of losing it to invalid_blocks, and logs it', async () => {
    // Prepare: Slack refuses what breaks its limits, as the real API does.
    slack.answers.set('chat.postMessage', (body) =>
      checkSlackLimits(body).length > 0
        ? { ok: false, error: 'invalid_blocks' }
        : { ok: true, channel: body.channel, ts: '1700000000.000900' },
    );
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const oversized: SlackMessage = {
      text: 'x'.repeat(5000),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'H'.repeat(400) } },
        {
          type: 'section',
          fields: Array.from({ length: 12 }, () => ({
            type: 'mrkdwn' as const,
            text: `*Region*\n${'&lt;'.repeat(750)}`,
          })),
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'retag',
              text: { type: 'plain_text', text: 'Retag' },
              value: 'v'.repeat(2010),
            },
            {
              type: 'button',
              action_id: 'open',
              text: { type: 'plain_text', text: 'Open' },
              url: `https://health.aws.amazon.com/${'%E4%BA%8B'.repeat(400)}`,
            },
          ],
        },
        ...Array.from({ length: 60 }, (_, i) => ({
          type: 'context' as const,
          elements: [{ type: 'mrkdwn' as const, text: `line ${i} ${'&amp;'.repeat(500)}` }],
        })),
      ],
    };

    // Act
    const ref = await new WebApiSink('xoxb-test', slack.apiUrl).post('C0ALERTS01', oversized);

    // Assess: delivered, within every limit, cut visibly and never inside an entity; the cut is logged.
    slack.answers.delete('chat.postMessage');
    const warned = warn.mock.calls.map((call) => [...call]);
    warn.mockRestore();
    expect(ref.ts).toBe('1700000000.000900');
    const sent = slack.callsOf('chat.postMessage').at(-1)?.body ?? {};
    expect(checkSlackLimits(sent)).toEqual([]);
    const json = JSON.stringify(sent.blocks);
    expect(json).toContain('…');
    expect(json).not.toMatch(/&(a|am|amp|l|lt)?…/);
    expect(warned).toContainEqual([
      'message shortened to fit Slack limits',
      expect.objectContaining({
        channel: 'C0ALERTS01',
        problems: expect.arrayContaining(['blocks: 63 items, limit 50']),
      }),
    ]);
  });

  it('shortens an edit the same way', async () => {
    const sink = new WebApiSink('xoxb-test', slack.apiUrl);

    await sink.update(
      { channel: 'C0ALERTS01', ts: '1.2' },
      { text: 't', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3500) } }] },
    );

    const update = slack.callsOf('chat.update').at(-1)?.body ?? {};
    expect(checkSlackLimits(update)).toEqual([]);
  });
});
