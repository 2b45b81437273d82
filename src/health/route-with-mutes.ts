import type { StateStore } from '../store/state-store';
import type { HealthDelivery } from './health-delivery';
import { activeMutes, muteFor } from './health-mutes';
import type { RouteDecision } from './health-router';

/**
 * The config's routing, then the mutes set from Slack: a delivery a Slack mute covers goes to no new channel and
 * no subscriber's DM (messages already posted are edited in place without a thread reply, Airtable still gets it).
 * Mutes are read on every delivery, so a mute counts from the next one on and one that ended counts no more.
 */
export function routeWithMutes(
  route: (delivery: HealthDelivery) => RouteDecision | Promise<RouteDecision>,
  store: StateStore,
  now: () => Date = () => new Date(),
): (delivery: HealthDelivery) => Promise<RouteDecision> {
  return async (delivery) => {
    const decision = await route(delivery);
    if (decision.channels.length === 0 && !decision.digests && !decision.subscribers?.length) return decision;
    const mute = muteFor(await activeMutes(store, now()), delivery);
    if (!mute) return decision;
    return {
      channels: [],
      muted: true,
      reason: `muted from Slack by ${mute.by} until ${mute.until} (${mute.id})`,
    };
  };
}
