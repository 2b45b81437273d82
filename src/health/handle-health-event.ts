import { slackMessageLink } from '../../blocks/mrkdwn';
import type { AccountDirectory } from '../aws/account-directory';
import { logger } from '../lambda/logger';
import type { AirtableOutbox, AirtableWriter, DrainResult } from '../store/airtable-outbox';
import type { StateStore } from '../store/state-store';
import { healthAirtableRow } from './airtable-row';
import { renderDirectMessages, splitChannels, stillSubscribed } from './deliver-to-subscribers';
import { queueDigestLine } from './digest-queue';
import { directMessageChannel } from './direct-messages';
import { type HealthDelivery, toDelivery } from './health-delivery';
import type { HealthEvent } from './health-event-schema';
import type { RouteDecision } from './health-router';
import { mergeIntoState } from './health-state';
import { recordHealthHome } from './home-records';
import type { HealthMessageRenderer, RenderOutcome } from './message-renderer';
import { trackOpenEvent } from './open-events';

export interface HealthAirtable {
  outbox: AirtableOutbox;
  /** Created on first use (the token is a secret read at run time). */
  writer: () => Promise<AirtableWriter>;
  /** How long this invocation may spend writing rows once Slack is done. */
  budgetMs: number;
}

export interface HealthEventDeps {
  store: StateStore;
  accounts: AccountDirectory;
  route: (delivery: HealthDelivery) => RouteDecision | Promise<RouteDecision>;
  renderer: HealthMessageRenderer;
  /** Absent when Airtable is not configured. */
  airtable?: HealthAirtable;
}

export interface HealthEventOutcome {
  eventArn: string;
  accountId: string;
  route: RouteDecision;
  changed: boolean;
  messages: RenderOutcome[];
  /** Subscribers' DMs brought up to date (failed ones are logged, not here). */
  directMessages: RenderOutcome[];
  airtable: 'queued' | 'unchanged' | 'older' | 'disabled';
  drained?: DrainResult;
}

/**
 * One delivery of a Health event: route it, fold it into the event's state, bring every channel's message up to
 * date (post, or edit + thread reply), then queue the account's Airtable row and write what is pending. Slack
 * comes first and never waits on Airtable; Airtable failures stay in the outbox and do not fail the delivery.
 * A channel that cannot be brought up to date fails the delivery only after every other channel and Airtable.
 */
export async function handleHealthEvent(
  event: HealthEvent,
  deps: HealthEventDeps,
): Promise<HealthEventOutcome> {
  const delivery = toDelivery(event);
  const accountName = await deps.accounts.nameOf(delivery.accountId);
  const route = await deps.route(delivery);
  if (route.channels.length === 0) {
    logger.info('health event sent to no channel', { eventArn: delivery.eventArn, reason: route.reason });
  }
  const routed = [...route.channels, ...(route.subscribers ?? []).map(directMessageChannel)];
  const merged = await mergeIntoState(deps.store, { delivery, accountName, channels: routed });
  logger.info('health event merged', {
    eventArn: delivery.eventArn,
    status: delivery.status,
    changed: merged.changed,
    route: route.reason,
    channels: route.channels,
    subscribers: route.subscribers?.length ?? 0,
    page: `${delivery.page}/${delivery.totalPages}`,
  });
  // Also when nothing changed: a retry of a delivery whose invocation died right after the merge fills the gap.
  await trackOpenEvent(deps.store, merged.view);
  for (const { channel } of route.digests ?? [])
    await queueDigestLine(deps.store, channel, merged.view, delivery.accountId, new Date());
  const { channels, directMessages } = splitChannels(
    merged.view.accounts[delivery.accountId]?.channels ?? [],
  );
  const messages: RenderOutcome[] = [];
  const failed: { channel: string; error: Error }[] = [];
  for (const channel of channels) {
    try {
      messages.push(
        await deps.renderer.render(delivery.eventArn, channel, merged.version, { quiet: route.muted }),
      );
    } catch (error) {
      // One channel the bot cannot post in must not keep the alert from the others, nor the row from Airtable.
      failed.push({ channel, error: error as Error });
    }
  }
  await recordHealthHome(deps.store, merged.view, delivery.accountId, messages);
  const outcome: HealthEventOutcome = {
    eventArn: delivery.eventArn,
    accountId: delivery.accountId,
    route,
    changed: merged.changed,
    messages,
    directMessages: await renderDirectMessages(
      deps,
      delivery.eventArn,
      stillSubscribed(directMessages, route),
      merged.version,
      route.muted,
    ),
    airtable: 'disabled',
  };
  if (deps.airtable) await writeToAirtable(deps.airtable, delivery, merged.view, messages, outcome);
  if (failed.length > 0) throw channelsError(delivery.eventArn, failed);
  return outcome;
}

/** Some channels are not up to date (thrown: Lambda retries; channels already done are not posted again). */
export class HealthChannelsError extends Error {
  override readonly name = 'HealthChannelsError';
}

function channelsError(eventArn: string, failed: readonly { channel: string; error: Error }[]) {
  const which = failed.map(({ channel, error }) => `${channel} (${error.message})`).join(', ');
  return new HealthChannelsError(
    `${eventArn} not shown in ${which}. If the bot is not in the channel, invite it (/invite @bot) or fix ` +
      'health.routes; the delivery is retried, then kept in the failed-events queue for replay',
    { cause: failed[0]?.error },
  );
}

async function writeToAirtable(
  airtable: HealthAirtable,
  delivery: HealthDelivery,
  view: Parameters<typeof healthAirtableRow>[0],
  messages: readonly RenderOutcome[],
  outcome: HealthEventOutcome,
): Promise<void> {
  const first = messages.find((m) => m.ts);
  const link = first?.ts ? slackMessageLink(first.channelId ?? first.channel, first.ts) : undefined;
  const account = view.accounts[delivery.accountId];
  outcome.airtable = await airtable.outbox.enqueue(
    `${delivery.eventArn}#${delivery.accountId}`,
    healthAirtableRow(view, delivery.accountId, link),
    account?.lastUpdatedTime ?? view.lastUpdatedTime,
  );
  if (outcome.airtable !== 'queued') return;
  try {
    outcome.drained = await airtable.outbox.drain(await airtable.writer(), Date.now() + airtable.budgetMs);
  } catch (error) {
    logger.warn('Airtable write deferred to the scheduled retry', { error: (error as Error).message });
  }
}
