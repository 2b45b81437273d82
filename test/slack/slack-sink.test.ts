import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../blocks/message';
import { blockKitBuilderUrl, ConsoleSink, createSlackSink, WebApiSink } from '../../src/slack/slack-sink';
import { SlackStandIn } from '../support/slack-stand-in';

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
});
