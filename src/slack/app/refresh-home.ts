import type { WebClient } from '@slack/web-api';

/**
 * Re-renders a person's Home tab (views.publish) after something on it changed (a subscription added or removed).
 * The Home view (issue 14, its own listener) supplies it; until then nothing is re-rendered.
 */
export type RefreshHome = (client: WebClient, userId: string) => Promise<void>;

export const noHomeRefresh: RefreshHome = async () => {};
