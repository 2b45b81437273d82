import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Middleware } from '@slack/bolt';
import { vi } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { parseConfig } from '../../src/config/load-config';
import type { AppConfig } from '../../src/config/schema';
import type { Job } from '../../src/jobs/job';
import type { JobDispatcher } from '../../src/jobs/job-dispatcher';
import type { SlackAppDeps } from '../../src/slack/app/deps';
import type { StateStore } from '../../src/store/state-store';

/** The sample organisation's config (buckets allow-lists) and the auto-tagging one (retag allow-lists). */
export const BOT_CONFIG = fixtureConfig('config/chatops.yaml');
export const AUTOTAG_BOT_CONFIG = fixtureConfig('autotag/chatops.yaml');

function fixtureConfig(path: string): AppConfig {
  const full = resolve(__dirname, '../fixtures', path);
  return parseConfig(readFileSync(full, 'utf8'), full);
}

/** The worker, in memory: keeps every job handed to it, or fails as a Lambda invoke can. */
export class InMemoryDispatcher implements JobDispatcher {
  readonly jobs: Job[] = [];
  failure: Error | undefined;

  async dispatch(job: Job): Promise<void> {
    if (this.failure) throw this.failure;
    this.jobs.push(job);
  }
}

export type ListenerDeps = SlackAppDeps & { dispatcher: InMemoryDispatcher };

export function listenerDeps(store: StateStore, config: AppConfig = BOT_CONFIG): ListenerDeps {
  return {
    config,
    accounts: new AccountDirectory(config),
    store,
    dispatcher: new InMemoryDispatcher(),
    responseUrlHosts: [],
  };
}

/**
 * The Web API calls listeners make, answered as Slack answers them. `groups` are user-group members
 * (usergroups.users.list); listeners cache them per group for five minutes, so each test file uses its own ids.
 */
export function fakeSlackClient(groups: Record<string, string[]> = {}) {
  return {
    views: {
      open: vi.fn(async (_args: { trigger_id: string; view: Record<string, unknown> }) => ({ ok: true })),
    },
    chat: {
      postMessage: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, ts: '1700000000.000900' })),
    },
    usergroups: {
      users: {
        list: vi.fn(async ({ usergroup }: { usergroup: string }) => ({
          ok: true,
          users: groups[usergroup] ?? [],
        })),
      },
    },
  };
}

export type FakeSlackClient = ReturnType<typeof fakeSlackClient>;

/**
 * Calls a listener the way Bolt does, with the arguments it reads (a fake `ack`, `respond`, `client`, the
 * payload) and harmless rest (`next`, `context`, `logger`).
 */
export async function callListener<Args>(
  listener: Middleware<Args>,
  args: Record<string, unknown>,
): Promise<void> {
  const logger = { debug() {}, info() {}, warn() {}, error() {} };
  await listener({ next: async () => undefined, context: {}, logger, ...args } as unknown as Parameters<
    Middleware<Args>
  >[0]);
}

/** True when `first` was called (its first call) before every call of `second`. */
export function calledBefore(
  first: { mock: { invocationCallOrder: number[] } },
  second: typeof first,
): boolean {
  const [firstCall] = first.mock.invocationCallOrder;
  return firstCall !== undefined && second.mock.invocationCallOrder.every((order) => order > firstCall);
}
