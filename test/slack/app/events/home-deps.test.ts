import type { HomeView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { homeDeps } from '../../../../src/slack/app/events/home-deps';
import { listenerDeps } from '../../../support/listener-fakes';

const VIEW: HomeView = { type: 'home', blocks: [] };

function client(token: string | undefined) {
  const publish = vi.fn(async () => ({ ok: true }));
  return { publish, client: { token, views: { publish } } as unknown as WebClient };
}

describe('Home publisher', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fails instead of printing when a token is configured but could not be read', async () => {
    // Prepare
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const slack = client(undefined);

    // Act
    const published = homeDeps(listenerDeps({} as never), slack.client).publish('U0ADA00001', VIEW);

    // Assess
    await expect(published).rejects.toThrow('no Slack bot token');
    expect(stdout).not.toHaveBeenCalled();
  });

  it('prints the view when the wiring says no token is configured (npm run dev)', async () => {
    // Prepare
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const slack = client(undefined);

    // Act
    await homeDeps({ ...listenerDeps({} as never), printViews: true }, slack.client).publish(
      'U0ADA00001',
      VIEW,
    );

    // Assess
    expect(String(stdout.mock.calls[0]?.[0])).toContain('views.publish for U0ADA00001');
    expect(slack.publish).not.toHaveBeenCalled();
  });

  it('publishes through Slack with a token', async () => {
    // Prepare
    const slack = client('xoxb-test');

    // Act
    await homeDeps(listenerDeps({} as never), slack.client).publish('U0ADA00001', VIEW);

    // Assess
    expect(slack.publish).toHaveBeenCalledWith({ user_id: 'U0ADA00001', view: VIEW });
  });
});
