import { DescribeUserCommand, type IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { logger } from '../lambda/logger';
import type { StateStore } from '../store/state-store';

/** An Identity Center user's readable name, by identity store and user id. */
export interface IdentityCenterNames {
  nameOf(identityStoreArn: string, userId: string): Promise<string | undefined>;
}

/** A name rarely changes; a day keeps DescribeUser calls to one per person and day across containers. */
const CACHE_SECONDS = 24 * 60 * 60;

const cacheKey = (storeId: string, userId: string) => `autotag#idc-user#${storeId}#${userId}`;

/** The two id forms of the Identity Store API's IdentityStoreArn pattern: `d-` and 10 hex digits, or a UUID. */
const STORE_ID =
  /identitystore\/(d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** `arn:aws:identitystore::<account>:identitystore/d-1234567890` → `d-1234567890` (or the store's UUID). */
export function identityStoreIdOf(identityStoreArn: string): string | undefined {
  return STORE_ID.exec(identityStoreArn)?.[1];
}

/**
 * Names from identitystore DescribeUser (user name, else display name, else primary e-mail), cached in the
 * container and in the state table. A failed lookup is logged and answered as unknown: the id is still a
 * correct tag, and tagging must not wait on Identity Center.
 */
export function identityCenterNames(client: IdentitystoreClient, store: StateStore): IdentityCenterNames {
  const known = new Map<string, string>();
  return {
    async nameOf(identityStoreArn, userId) {
      const storeId = identityStoreIdOf(identityStoreArn);
      if (!storeId) return undefined;
      const key = cacheKey(storeId, userId);
      const cached = known.get(key) ?? (await store.get<{ name: string }>(key))?.data.name;
      if (cached) {
        known.set(key, cached);
        return cached;
      }
      try {
        const user = await client.send(new DescribeUserCommand({ IdentityStoreId: storeId, UserId: userId }));
        const email = user.Emails?.find((e) => e.Primary)?.Value ?? user.Emails?.[0]?.Value;
        const name = user.UserName ?? user.DisplayName ?? email;
        if (!name) return undefined;
        known.set(key, name);
        await store.create(key, '#', { name }, { ttlSeconds: CACHE_SECONDS });
        return name;
      } catch (error) {
        logger.warn('Identity Center user lookup failed; the user id is used', { error, userId });
        return undefined;
      }
    },
  };
}
