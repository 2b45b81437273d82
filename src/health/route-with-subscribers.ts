import { logger } from '../lambda/logger';
import type { SubscriptionStore } from '../store/subscriptions';
import type { HealthDelivery } from './health-delivery';
import type { RouteDecision } from './health-router';

/**
 * The config's routing, plus the people whose subscriptions match (to be DM'd). A config mute sends to no one;
 * a Slack mute is checked after this (route-with-mutes), on everything the delivery would reach. Subscribers are
 * found whatever the channels: a digest route or no route at all still reaches the people who asked for it.
 * A failed look-up costs the DMs of this delivery, never the channel alert.
 */
export function routeWithSubscribers(
  route: (delivery: HealthDelivery) => RouteDecision,
  subscriptions: Pick<SubscriptionStore, 'subscribersFor'>,
): (delivery: HealthDelivery) => Promise<RouteDecision> {
  return async (delivery) => {
    const decision = route(delivery);
    if (decision.muted) return decision;
    try {
      const subscribers = await subscriptions.subscribersFor(delivery);
      return { ...decision, subscriptionsRead: true, ...(subscribers.length > 0 ? { subscribers } : {}) };
    } catch (error) {
      logger.warn('subscriptions not read: no DMs for this delivery', { eventArn: delivery.eventArn, error });
      return decision;
    }
  };
}
