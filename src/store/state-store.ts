import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, type AuditRecord, appendAudit, readAudit, readRecentAudits } from './audit-log';
import { partitionKey, sortKey } from './state-key';

/** A small record in the state table. `version` starts at 1 and grows by one on each `replace`. */
export interface StoredRecord<T> {
  pk: string;
  sk: string;
  version: number;
  data: T;
  updatedAt: string;
  expiresAt?: number;
}

export type { AuditEntry } from './audit-log';

/**
 * The bot's state in one DynamoDB table (pk, sk, TTL on `expiresAt`). Every write that must happen once is a
 * conditional write: no read-then-write races between concurrent Lambda invocations. Keys longer than DynamoDB
 * allows (ids from AWS or users are unbounded) are shortened here, stably (`state-key.ts`), for every caller.
 */
export class StateStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Claims `key` for `ttlSeconds`: true for the first caller, false while an earlier claim lives. An expired claim
   * that DynamoDB has not swept yet counts as free.
   */
  async claim(key: string, ttlSeconds: number, data: Record<string, unknown> = {}): Promise<boolean> {
    const nowSeconds = this.epochSeconds();
    return this.conditionalPut(
      {
        pk: partitionKey(`claim#${key}`),
        sk: '#',
        version: 1,
        data,
        updatedAt: this.now().toISOString(),
        expiresAt: nowSeconds + ttlSeconds,
      },
      'attribute_not_exists(pk) OR expiresAt < :now',
      { ':now': nowSeconds },
    );
  }

  /** Gives a claim back, e.g. when the work it guarded could not be started. */
  async release(key: string): Promise<void> {
    await this.doc.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: partitionKey(`claim#${key}`), sk: '#' } }),
    );
  }

  async get<T>(pk: string, sk = '#'): Promise<StoredRecord<T> | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: partitionKey(pk), sk: sortKey(sk) },
        ConsistentRead: true,
      }),
    );
    const item = out.Item as StoredRecord<T> | undefined;
    if (item?.expiresAt !== undefined && item.expiresAt < this.epochSeconds()) return undefined;
    return item;
  }

  /** Writes a record that must not exist yet (an expired one counts as absent, as in `get`); false when it does. */
  async create<T>(pk: string, sk: string, data: T, options: { ttlSeconds?: number } = {}): Promise<boolean> {
    return this.conditionalPut(
      this.item(pk, sk, data, 1, options.ttlSeconds),
      'attribute_not_exists(pk) OR expiresAt < :now',
      { ':now': this.epochSeconds() },
    );
  }

  /**
   * Replaces a record only if it is still at `expectedVersion` (optimistic concurrency); false when someone else
   * wrote it first — read it again and decide.
   */
  async replace<T>(
    pk: string,
    sk: string,
    data: T,
    expectedVersion: number,
    options: { ttlSeconds?: number } = {},
  ): Promise<boolean> {
    return this.conditionalPut(
      this.item(pk, sk, data, expectedVersion + 1, options.ttlSeconds),
      'version = :expected',
      {
        ':expected': expectedVersion,
      },
    );
  }

  /**
   * Deletes a record; with `expectedVersion`, only if it is still at that version. False when it changed or is
   * gone (only with `expectedVersion`).
   */
  async remove(pk: string, sk = '#', expectedVersion?: number): Promise<boolean> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: partitionKey(pk), sk: sortKey(sk) },
          ...(expectedVersion !== undefined
            ? {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }
            : {}),
        }),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** Records of one partition, optionally those whose sort key starts with `prefix`, newest sort key first. */
  async query<T>(pk: string, options: { prefix?: string; limit?: number } = {}): Promise<StoredRecord<T>[]> {
    const out = await this.doc.send(
      new QueryCommand({
        ...this.partitionQuery(pk, options.prefix),
        ScanIndexForward: false,
        Limit: options.limit,
      }),
    );
    return (out.Items ?? []) as StoredRecord<T>[];
  }

  /**
   * Writes a record unless the stored one is newer: `order` (an ISO time, a version) only moves forward, so a late
   * or repeated delivery never overwrites what a newer one wrote, and writing the same thing twice is harmless.
   * False when a newer record was kept.
   */
  async putIfNotOlder<T>(
    pk: string,
    sk: string,
    data: T,
    order: string,
    options: { ttlSeconds?: number } = {},
  ): Promise<boolean> {
    return this.conditionalPut(
      { ...this.item(pk, sk, data, 1, options.ttlSeconds), order } as StoredRecord<unknown>,
      'attribute_not_exists(pk) OR #order <= :order OR expiresAt < :now',
      { ':order': order, ':now': this.epochSeconds() },
      { '#order': 'order' },
    );
  }

  /**
   * Every record of one partition whose sort key starts with `prefix`, in sort-key order, following DynamoDB's
   * pages (1 MB each) up to `maxItems`: for small partitions read whole (subscriptions), never for audit logs.
   */
  async queryAll<T>(pk: string, options: { prefix?: string; maxItems: number }): Promise<StoredRecord<T>[]> {
    const items: StoredRecord<T>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          ...this.partitionQuery(pk, options.prefix),
          ExclusiveStartKey: start,
          Limit: options.maxItems - items.length,
        }),
      );
      const now = this.epochSeconds();
      const live = ((out.Items ?? []) as StoredRecord<T>[]).filter(
        (item) => item.expiresAt === undefined || item.expiresAt >= now,
      );
      items.push(...live);
      start = out.LastEvaluatedKey;
    } while (start && items.length < options.maxItems);
    return items;
  }

  /** How many records one partition holds (expired ones not yet swept count too): a COUNT query, paged. */
  async count(pk: string): Promise<number> {
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          ...this.partitionQuery(pk, undefined),
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      total += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return total;
  }

  /** Appends an audit entry (400 days) and its best-effort recent copy: see `audit-log.ts`. */
  audit(entry: AuditEntry): Promise<string> {
    return appendAudit(this, entry, this.now());
  }

  recentAudits(limit = 10): Promise<AuditRecord[]> {
    return readRecentAudits(this, limit);
  }

  listAudit(action: string, limit = 50): Promise<AuditRecord[]> {
    return readAudit(this, action, limit);
  }

  private partitionQuery(pk: string, prefix: string | undefined) {
    return {
      TableName: this.tableName,
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partitionKey(pk), ...(prefix ? { ':prefix': prefix } : {}) },
    };
  }

  private item<T>(pk: string, sk: string, data: T, version: number, ttlSeconds?: number): StoredRecord<T> {
    return {
      pk: partitionKey(pk),
      sk: sortKey(sk),
      version,
      data,
      updatedAt: this.now().toISOString(),
      ...(ttlSeconds !== undefined ? { expiresAt: this.epochSeconds() + ttlSeconds } : {}),
    };
  }

  private async conditionalPut(
    item: StoredRecord<unknown>,
    condition: string,
    values?: Record<string, unknown>,
    names?: Record<string, string>,
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ...(names ? { ExpressionAttributeNames: names } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  private epochSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}
