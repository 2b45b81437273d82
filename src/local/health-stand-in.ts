import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from './http-server';

/** An affected entity as the Health API lists it (AffectedEntity). */
export interface StandInEntity {
  entityValue: string;
  statusCode?: 'IMPAIRED' | 'UNIMPAIRED' | 'UNKNOWN' | 'PENDING' | 'RESOLVED';
  lastUpdatedTime?: string;
}

/** One event the stand-in knows, with its description and its entities per affected account. */
export interface StandInHealthEvent {
  arn: string;
  service: string;
  eventTypeCode: string;
  eventTypeCategory: 'issue' | 'accountNotification' | 'scheduledChange' | 'investigation';
  eventScopeCode: 'PUBLIC' | 'ACCOUNT_SPECIFIC' | 'NONE';
  region: string;
  startTime: string;
  endTime?: string;
  lastUpdatedTime: string;
  statusCode: 'open' | 'closed' | 'upcoming';
  description: string;
  /** Affected account → its entities. */
  accounts: Record<string, StandInEntity[]>;
}

const TARGET = 'AWSHealth_20160804.';
const seconds = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso) / 1000);

/**
 * The AWS Health API on loopback (JSON 1.1 protocol, timestamps as epoch seconds), for AWS_ENDPOINT_URL_HEALTH:
 * the organisational view (DescribeEventsForOrganization, DescribeAffectedAccountsForOrganization,
 * DescribeEventDetailsForOrganization, DescribeAffectedEntitiesForOrganization) and the account view
 * (DescribeEvents, DescribeEventDetails, DescribeAffectedEntities, answering for `ownAccount`). Events filter by
 * `lastUpdatedTime` and `eventStatusCodes`, newest first, paged by `maxResults` / `nextToken` (an index).
 * Shapes follow the AWS Health API reference.
 */
const PUBLIC_WITH_ACCOUNT = 'A public event is no account’s: leave awsAccountId empty.';

export class HealthStandIn extends LoopbackStandIn {
  constructor(readonly ownAccount = '111111111111') {
    super('Health');
  }

  readonly events: StandInHealthEvent[] = [];
  readonly calls: { operation: string; body: Record<string, unknown> }[] = [];
  /** Answer every call with this error (e.g. SubscriptionRequiredException). */
  failWith: string | undefined;

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const operation = String(req.headers['x-amz-target'] ?? '').replace(TARGET, '');
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    this.calls.push({ operation, body });
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (this.failWith) return void fail(res, this.failWith, 'The stand-in was told to fail');
    const answer = this.answer(operation, body);
    if (!answer) return void fail(res, 'UnknownOperationException', operation);
    res.end(JSON.stringify(answer));
  }

  private answer(operation: string, body: Record<string, unknown>): object | undefined {
    const filter = (body.filter ?? {}) as Record<string, unknown>;
    switch (operation) {
      case 'DescribeEventsForOrganization':
        return page(this.matching(filter, [filter.lastUpdatedTime]).map(summary), body, 'events');
      case 'DescribeEvents':
        return page(
          this.matching(filter, (filter.lastUpdatedTimes as unknown[]) ?? [])
            .filter((e) => this.ownAccount in e.accounts || e.eventScopeCode === 'PUBLIC')
            .map(summary),
          body,
          'events',
        );
      case 'DescribeAffectedAccountsForOrganization': {
        const event = this.find(String(body.eventArn));
        return {
          affectedAccounts: event ? Object.keys(event.accounts) : [],
          eventScopeCode: event?.eventScopeCode,
        };
      }
      case 'DescribeEventDetailsForOrganization':
        return this.details(
          (body.organizationEventDetailFilters as { eventArn: string; awsAccountId?: string }[]) ?? [],
        );
      case 'DescribeEventDetails':
        return this.details(((body.eventArns as string[]) ?? []).map((eventArn) => ({ eventArn })));
      case 'DescribeAffectedEntitiesForOrganization': {
        const filters = (body.organizationEntityFilters ?? body.organizationEntityAccountFilters ?? []) as {
          eventArn: string;
          awsAccountId?: string;
        }[];
        return page(
          // A public event is no account's: asked for with an account id, Health has no entities for it.
          filters.flatMap((f) =>
            this.find(f.eventArn)?.eventScopeCode === 'PUBLIC' && f.awsAccountId
              ? []
              : this.entities(f.eventArn, f.awsAccountId),
          ),
          body,
          'entities',
        );
      }
      case 'DescribeAffectedEntities': {
        const arns = (filter.eventArns as string[]) ?? [];
        return page(
          arns.flatMap((arn) => this.entities(arn, this.ownAccount)),
          body,
          'entities',
        );
      }
      default:
        return undefined;
    }
  }

  private find(arn: string): StandInHealthEvent | undefined {
    return this.events.find((e) => e.arn === arn);
  }

  private matching(filter: Record<string, unknown>, windows: unknown[]): StandInHealthEvent[] {
    const statuses = filter.eventStatusCodes as string[] | undefined;
    const ranges = windows.filter(Boolean) as { from?: number; to?: number }[];
    return this.events
      .filter((e) => !statuses || statuses.includes(e.statusCode))
      .filter((e) => {
        const at = seconds(e.lastUpdatedTime) ?? 0;
        return (
          ranges.length === 0 || ranges.some((r) => at >= (r.from ?? 0) && at <= (r.to ?? Number.MAX_VALUE))
        );
      })
      .sort((a, b) => b.lastUpdatedTime.localeCompare(a.lastUpdatedTime));
  }

  private details(filters: { eventArn: string; awsAccountId?: string }[]) {
    const successfulSet: object[] = [];
    const failedSet: object[] = [];
    for (const { eventArn, awsAccountId } of filters) {
      const event = this.find(eventArn);
      if (!event) {
        failedSet.push({ eventArn, awsAccountId, errorName: 'NotFound', errorMessage: 'no such event' });
        continue;
      }
      // API reference, DescribeEventDetailsForOrganization: for a public event the account id must be empty.
      if (event.eventScopeCode === 'PUBLIC' && awsAccountId) {
        failedSet.push({
          eventArn,
          awsAccountId,
          errorName: 'InvalidFilter',
          errorMessage: PUBLIC_WITH_ACCOUNT,
        });
        continue;
      }
      successfulSet.push({
        ...(awsAccountId ? { awsAccountId } : {}),
        event: summary(event),
        eventDescription: { latestDescription: event.description },
        eventMetadata: {},
      });
    }
    return { successfulSet, failedSet };
  }

  private entities(eventArn: string, account: string | undefined): object[] {
    const event = this.find(eventArn);
    if (!event) return [];
    const accounts = account ? [account] : Object.keys(event.accounts);
    return accounts.flatMap((awsAccountId) =>
      (event.accounts[awsAccountId] ?? []).map((entity) => ({
        entityArn: `arn:aws:health:${event.region}:${awsAccountId}:entity/${entity.entityValue}`,
        eventArn,
        entityValue: entity.entityValue,
        awsAccountId,
        lastUpdatedTime: seconds(entity.lastUpdatedTime ?? event.lastUpdatedTime),
        ...(entity.statusCode ? { statusCode: entity.statusCode } : {}),
      })),
    );
  }
}

function summary(event: StandInHealthEvent) {
  return {
    arn: event.arn,
    service: event.service,
    eventTypeCode: event.eventTypeCode,
    eventTypeCategory: event.eventTypeCategory,
    eventScopeCode: event.eventScopeCode,
    region: event.region,
    startTime: seconds(event.startTime),
    ...(event.endTime ? { endTime: seconds(event.endTime) } : {}),
    lastUpdatedTime: seconds(event.lastUpdatedTime),
    statusCode: event.statusCode,
  };
}

function page(items: object[], body: Record<string, unknown>, key: string): object {
  const start = Number(body.nextToken ?? 0);
  const size = Number(body.maxResults ?? 10);
  const next = start + size < items.length ? String(start + size) : undefined;
  return { [key]: items.slice(start, start + size), ...(next ? { nextToken: next } : {}) };
}

function fail(res: ServerResponse, code: string, message: string): void {
  res.statusCode = 400;
  res.setHeader('x-amzn-errortype', code);
  res.end(JSON.stringify({ __type: code, message }));
}
