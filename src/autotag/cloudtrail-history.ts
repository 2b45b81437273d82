import { type CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { NotReadInTimeError } from './backfill-deadline';

/** LookupEvents allows 2 requests a second per account and region: one call every 500 ms. */
export const LOOKUP_INTERVAL_MS = 500;

export interface LookupPacing {
  nowMs: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** One account and region's turn-taker: every LookupEvents there waits for it, whichever read it is part of. */
export interface LookupPace {
  turn(): Promise<void>;
}

export function lookupPace(pacing: LookupPacing): LookupPace {
  let last = Number.NEGATIVE_INFINITY;
  return {
    async turn() {
      const wait = last + LOOKUP_INTERVAL_MS - pacing.nowMs();
      if (wait > 0) await pacing.sleep(wait);
      last = pacing.nowMs();
    },
  };
}

/**
 * The CloudTrail records of `eventNames` between `from` and `to` in one account and region (LookupEvents,
 * paginated, one attribute a call as the API allows), at the place's `pace` (2 requests a second, shared by
 * every read of that account and region). Records CloudTrail cannot give as JSON are skipped. No page is asked
 * for once `inTime` says no: NotReadInTimeError, after the records already given.
 */
export async function* lookUpCalls(
  client: CloudTrailClient,
  eventNames: readonly string[],
  window: { from: Date; to: Date },
  pace: LookupPace,
  inTime: () => boolean = () => true,
): AsyncGenerator<Record<string, unknown>> {
  for (const name of eventNames) {
    let NextToken: string | undefined;
    do {
      await pace.turn();
      if (!inTime()) throw new NotReadInTimeError(`LookupEvents ${name} not read in time`);
      const page = await client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }],
          StartTime: window.from,
          EndTime: window.to,
          MaxResults: 50,
          NextToken,
        }),
      );
      for (const event of page.Events ?? []) {
        try {
          if (event.CloudTrailEvent) yield JSON.parse(event.CloudTrailEvent) as Record<string, unknown>;
        } catch {
          // A record that is not JSON names nothing we could tag.
        }
      }
      NextToken = page.NextToken;
    } while (NextToken);
  }
}
