import type { PostNoticeResult } from './post-notice';

/** What handling one CloudTrail call did (logged, and returned to tests). */
export type AutotagOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'duplicate' }
  | { status: 'remembered'; creator: string }
  | {
      status: 'tagged' | 'planned';
      resources: number;
      notice: PostNoticeResult | 'none';
      problems: string[];
      /** Resources not ready for tags yet, waiting on the retry queue. */
      pending?: number;
    };

export const eventClaimKey = (eventId: string): string => `autotag#event#${eventId}`;

/**
 * Concurrent deliveries of one event: only the first does the work. A little longer than a run can take (the
 * function times out after 60 s) but shorter than Lambda's wait before retrying a run that died (about a minute
 * after the timeout): a retry after a timeout must do the work again, not find the dead run's claim. A later
 * duplicate is harmless: tagging with the same values changes nothing and the notice record is posted once.
 */
export const EVENT_CLAIM_SECONDS = 90;
