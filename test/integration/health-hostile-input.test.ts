import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { HealthHarness, healthFixture } from '../support/health-harness';
import { unsafeMrkdwn } from '../support/mrkdwn-safety';

/** The open EC2 issue, changed as a hostile or broken sender would (a fresh event each time). */
function issue(change: (event: { id: string; detail: Record<string, unknown> }) => void, n: number) {
  const event = healthFixture('ec2-issue-open') as { id: string; detail: Record<string, unknown> };
  event.id = `hostile-${n}`;
  event.detail.eventArn = `${String(event.detail.eventArn)}_HOSTILE_${n}`;
  change(event);
  return event;
}

describe('Health events with unbounded values still reach Slack, within its limits (handlers/health-event)', () => {
  const bot = new HealthHarness();
  beforeAll(() => bot.start());
  afterAll(() => bot.stop());

  async function postsFor(event: Record<string, unknown>) {
    const before = bot.slack.calls.length;
    await bot.deliver(event);
    return bot.slack.calls.slice(before).filter((call) => call.method === 'chat.postMessage');
  }

  it.each([
    ['"4294967296"', 1],
    ['5000000', 2],
  ])('alerts an event announcing totalPages %s, saying pages are missing', async (total, n) => {
    const event = issue((e) => {
      e.detail.communicationId = `comm-${n}`;
      e.detail.page = '1';
      e.detail.totalPages = JSON.parse(total);
    }, n);

    const posts = await postsFor(event);

    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(checkSlackLimits(post.body)).toEqual([]);
      expect(JSON.stringify(post.body.blocks)).toMatch(/pages missing/);
    }
  });

  it('alerts an event with a 3,000-character region and a 400-character multibyte event ARN', async () => {
    const event = issue((e) => {
      e.detail.eventRegion = '<'.repeat(3000);
      e.detail.eventArn = `arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/${'事'.repeat(400)}`;
    }, 3);

    const posts = await postsFor(event);

    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(checkSlackLimits(post.body)).toEqual([]);
      expect(unsafeMrkdwn(post.body)).toEqual([]);
    }
  });
});
