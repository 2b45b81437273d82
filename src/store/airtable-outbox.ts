import { createHash } from 'node:crypto';
import { logger } from '../lambda/logger';
import {
  AIRTABLE_MAX_RECORDS_PER_REQUEST,
  type AirtableFields,
  AirtableRejectedError,
} from './airtable-repository';
import type { StateStore, StoredRecord } from './state-store';

/** A row waiting to be written: the latest fields for one merge key, and what went wrong so far. */
export interface OutboxRow {
  fields: AirtableFields;
  /** ISO time of the data in `fields`; an older row never replaces a newer one. */
  asOf: string;
  hash: string;
  attempts: number;
  lastError?: string;
}

export interface AirtableWriter {
  upsert(records: readonly AirtableFields[], mergeOn: readonly string[], until?: number): Promise<void>;
}

export interface DrainResult {
  written: number;
  failed: number;
  pending: number;
}

const OUTBOX = 'airtable-outbox';
const SYNCED = 'airtable-synced';
const KEEP_SECONDS = 30 * 24 * 60 * 60;
const REFUSED = 'airtable-refused';
const DRAIN_LOCK = 'airtable-outbox-drain';

type Stored = StoredRecord<OutboxRow>;

const hashOf = (fields: AirtableFields) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(fields).sort()))
    .digest('base64url')
    .slice(0, 22);

/**
 * Rows for Airtable go through an outbox in the state table, so an Airtable outage never stops or delays
 * anything else: `enqueue` is one DynamoDB write; `drain` writes pending rows 10 per request and deletes them
 * when Airtable took them; a failed write stays with its error and attempt count for the next drain (the
 * scheduled retry function, or `npm run replay -- --airtable`). A row identical to the one last written is
 * not queued again, so a repeated delivery costs no Airtable request.
 */
export class AirtableOutbox {
  constructor(
    private readonly store: StateStore,
    private readonly mergeOn: readonly string[],
  ) {}

  async enqueue(
    key: string,
    fields: AirtableFields,
    asOf: string,
  ): Promise<'queued' | 'unchanged' | 'older'> {
    const hash = hashOf(fields);
    const synced = await this.store.get<{ hash: string; asOf: string }>(SYNCED, key);
    if (synced?.data.hash === hash) return 'unchanged';
    if (synced && synced.data.asOf > asOf) return 'older';
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const pending = await this.store.get<OutboxRow>(OUTBOX, key);
      if (pending?.data.hash === hash) return 'unchanged';
      if (pending && pending.data.asOf > asOf) return 'older';
      const row: OutboxRow = { fields, asOf, hash, attempts: 0 };
      const written = pending
        ? await this.store.replace(OUTBOX, key, row, pending.version, { ttlSeconds: KEEP_SECONDS })
        : await this.store.create(OUTBOX, key, row, { ttlSeconds: KEEP_SECONDS });
      if (written) return 'queued';
    }
    throw new Error(`outbox row ${key} kept changing under concurrent writers`);
  }

  /** Rows still waiting (newest key first), with their errors: what `npm run replay -- --airtable` shows. */
  async pending(limit = 100): Promise<{ key: string; row: OutboxRow }[]> {
    const records = await this.store.query<OutboxRow>(OUTBOX, { limit });
    return records.map((record) => ({ key: record.sk, row: record.data }));
  }

  /**
   * Writes pending rows until none is left, a request fails, or `until` (epoch-ms) passes. One drain runs at a
   * time across the bot; whoever holds it looks again after letting go, so no row waits for the next event.
   */
  async drain(writer: AirtableWriter, until: number): Promise<DrainResult> {
    const result: DrainResult = { written: 0, failed: 0, pending: 0 };
    while (Date.now() < until) {
      if (!(await this.store.claim(DRAIN_LOCK, Math.ceil((until - Date.now()) / 1000) + 30))) break;
      let stop = false;
      try {
        stop = !(await this.drainWhileHolding(writer, until, result));
      } finally {
        await this.store.release(DRAIN_LOCK);
      }
      if (stop || (await this.store.query(OUTBOX, { limit: 1 })).length === 0) break;
    }
    result.pending = (await this.store.query(OUTBOX, { limit: 1000 })).length;
    return result;
  }

  /** False when a batch failed (stop for now: Airtable is down or rate-limiting). */
  private async drainWhileHolding(
    writer: AirtableWriter,
    until: number,
    result: DrainResult,
  ): Promise<boolean> {
    while (Date.now() < until) {
      const batch = await this.store.query<OutboxRow>(OUTBOX, { limit: AIRTABLE_MAX_RECORDS_PER_REQUEST });
      if (batch.length === 0) return true;
      try {
        await this.write(writer, batch, result, until);
      } catch (error) {
        if (!(error instanceof AirtableRejectedError)) {
          await this.keepForLater(batch, error as Error, result);
          return false;
        }
        // One bad row must not hold back the others: write them one by one, park the ones refused alone.
        for (const record of batch) {
          try {
            await this.write(writer, [record], result, until);
          } catch (single) {
            if (!(single instanceof AirtableRejectedError)) {
              await this.keepForLater([record], single as Error, result);
              return false;
            }
            await this.park(record, single, result);
          }
        }
      }
    }
    return true;
  }

  private async write(
    writer: AirtableWriter,
    batch: Stored[],
    result: DrainResult,
    until: number,
  ): Promise<void> {
    await writer.upsert(
      batch.map((record) => record.data.fields),
      this.mergeOn,
      until,
    );
    result.written += batch.length;
    await Promise.all(
      batch.map(async (record) => {
        await this.store.remove(OUTBOX, record.sk, record.version);
        await this.markSynced(record.sk, record.data);
      }),
    );
  }

  private async keepForLater(batch: Stored[], error: Error, result: DrainResult): Promise<void> {
    result.failed += batch.length;
    logger.warn('Airtable rows kept in the outbox for a later retry', {
      rows: batch.length,
      error: error.message,
    });
    await Promise.all(
      batch.map((record) =>
        this.store.replace(
          OUTBOX,
          record.sk,
          { ...record.data, attempts: record.data.attempts + 1, lastError: error.message.slice(0, 500) },
          record.version,
          { ttlSeconds: KEEP_SECONDS },
        ),
      ),
    );
  }

  /** A row Airtable refuses (e.g. a field missing from the table) waits in `airtable-refused` for a replay. */
  private async park(record: Stored, error: Error, result: DrainResult): Promise<void> {
    result.failed += 1;
    logger.error('Airtable refused a row: kept for replay once the table is fixed', {
      key: record.sk,
      error: error.message,
    });
    const row = {
      ...record.data,
      attempts: record.data.attempts + 1,
      lastError: error.message.slice(0, 500),
    };
    const existing = await this.store.get<OutboxRow>(REFUSED, record.sk);
    if (existing)
      await this.store.replace(REFUSED, record.sk, row, existing.version, { ttlSeconds: KEEP_SECONDS });
    else await this.store.create(REFUSED, record.sk, row, { ttlSeconds: KEEP_SECONDS });
    await this.store.remove(OUTBOX, record.sk, record.version);
  }

  /** Puts refused rows back in the outbox (after the table was fixed); returns how many. */
  async requeueRefused(): Promise<number> {
    const refused = await this.store.query<OutboxRow>(REFUSED, { limit: 1000 });
    for (const record of refused) {
      await this.enqueue(record.sk, record.data.fields, record.data.asOf);
      await this.store.remove(REFUSED, record.sk, record.version);
    }
    return refused.length;
  }

  /** Rows Airtable refused, with the reason. */
  async refused(limit = 100): Promise<{ key: string; row: OutboxRow }[]> {
    const records = await this.store.query<OutboxRow>(REFUSED, { limit });
    return records.map((record) => ({ key: record.sk, row: record.data }));
  }

  private async markSynced(key: string, row: OutboxRow): Promise<void> {
    const current = await this.store.get<{ hash: string; asOf: string }>(SYNCED, key);
    const data = { hash: row.hash, asOf: row.asOf };
    if (!current) await this.store.create(SYNCED, key, data, { ttlSeconds: KEEP_SECONDS });
    else if (current.data.asOf <= row.asOf)
      await this.store.replace(SYNCED, key, data, current.version, { ttlSeconds: KEEP_SECONDS });
  }
}
