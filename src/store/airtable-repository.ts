import Airtable from 'airtable';
import { logger } from '../lambda/logger';
import { PacerDeadlineError, type SlotPacer } from './slot-pacer';

/** Airtable accepts at most 10 records per create/update request. */
export const AIRTABLE_MAX_RECORDS_PER_REQUEST = 10;

export type AirtableFields = Record<string, string | number | boolean | null>;

/** A write Airtable refused for good (bad field, bad token, missing table): retrying the same rows will not help. */
export class AirtableRejectedError extends Error {
  override readonly name = 'AirtableRejectedError';
}

/** Airtable could not be reached or kept answering 429 / 5xx within the attempts allowed. */
export class AirtableUnavailableError extends Error {
  override readonly name = 'AirtableUnavailableError';
}

export interface AirtableTableOptions {
  token: string;
  baseId: string;
  table: string;
  /** AIRTABLE_ENDPOINT_URL (a loopback stand-in in tests); Airtable's own when absent. */
  endpointUrl?: string;
  pacer: SlotPacer;
  requestsPerSecond: number;
  attempts: number;
  /** How long every writer of the base keeps quiet after a 429 (Airtable asks for 30 s). */
  rateLimitPauseMs: number;
  requestTimeoutMs?: number;
  /** Epoch-ms by which every request must be over (the invocation's end, less what it needs to record state). */
  deadline?: () => number;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * One Airtable table written with upserts (`performUpsert.fieldsToMergeOn`). airtable.js's own 429 retry (forever,
 * by default) is turned off: every request, first or retried, takes a slot from the shared SlotPacer, so the
 * whole bot stays under the base's 5 requests/s, and a request is tried `attempts` times at most.
 */
export class AirtableTable {
  private readonly table: Airtable.Table<Airtable.FieldSet>;
  private readonly paceKey: string;
  private readonly intervalMs: number;
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: AirtableTableOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    const airtable = new Airtable({
      apiKey: options.token,
      endpointUrl: options.endpointUrl ?? 'https://api.airtable.com',
      noRetryIfRateLimited: true,
      requestTimeout: this.requestTimeoutMs,
    });
    this.table = airtable.base(options.baseId).table(options.table);
    this.paceKey = `airtable#${options.baseId}`;
    this.intervalMs = Math.ceil(1000 / options.requestsPerSecond);
  }

  /**
   * Upserts up to 10 records in one request (merge on `mergeOn`), retrying 429 / 5xx / network errors; throws
   * PacerDeadlineError rather than wait for a request slot past `until`, or start a request that could still be
   * running (up to the request timeout) at `deadline` — the invocation's own end.
   */
  async upsert(
    records: readonly AirtableFields[],
    mergeOn: readonly string[],
    until?: number,
  ): Promise<void> {
    if (records.length === 0) return;
    if (records.length > AIRTABLE_MAX_RECORDS_PER_REQUEST)
      throw new RangeError(`at most ${AIRTABLE_MAX_RECORDS_PER_REQUEST} records per request`);
    const body = records.map((fields) => ({ fields }));
    const params = { performUpsert: { fieldsToMergeOn: [...mergeOn] }, typecast: true };
    for (let attempt = 1; ; attempt += 1) {
      const latestStart = Math.min(
        until ?? Number.POSITIVE_INFINITY,
        (this.options.deadline?.() ?? Number.POSITIVE_INFINITY) - this.requestTimeoutMs,
      );
      if (Date.now() > latestStart) throw new PacerDeadlineError(this.paceKey, 0);
      await this.options.pacer.acquire(this.paceKey, this.intervalMs, latestStart);
      try {
        // performUpsert is part of Airtable's API but missing from airtable.js's types.
        await this.table.update(body as never, params as never);
        return;
      } catch (error) {
        const status = statusOf(error);
        if (status !== undefined && status < 500 && status !== 429) {
          throw new AirtableRejectedError(
            `Airtable refused the write (${status}): ${(error as Error).message}`,
            {
              cause: error,
            },
          );
        }
        if (status === 429)
          await this.options.pacer.block(this.paceKey, Date.now() + this.options.rateLimitPauseMs);
        logger.warn('Airtable write failed', { status, attempt, error: (error as Error).message });
        if (attempt >= this.options.attempts)
          throw new AirtableUnavailableError(
            `Airtable write failed ${attempt} times: ${(error as Error).message}`,
            {
              cause: error,
            },
          );
      }
    }
  }
}
