import {
  DescribeAffectedAccountsForOrganizationCommand,
  DescribeAffectedEntitiesCommand,
  DescribeAffectedEntitiesForOrganizationCommand,
  DescribeEventDetailsCommand,
  DescribeEventDetailsForOrganizationCommand,
  DescribeEventsCommand,
  DescribeEventsForOrganizationCommand,
  type HealthClient,
} from '@aws-sdk/client-health';

/** One event as the Health API summarises it (Event / OrganizationEvent). */
export interface ApiEvent {
  arn: string;
  service: string;
  eventTypeCode: string;
  eventTypeCategory: string;
  eventScopeCode: string | undefined;
  region: string;
  startTime: string;
  endTime: string | undefined;
  lastUpdatedTime: string;
  statusCode: 'open' | 'closed' | 'upcoming';
}

export interface ApiEntity {
  entityValue: string;
  status: string | undefined;
  lastUpdatedTime: string | undefined;
}

/** What reconciling needs of the Health API, in the organisational or the account view. */
export interface HealthApi {
  /** Events updated since `from` (or, without it, every event in `statuses`), newest first. */
  events(filter: { from?: Date; statuses?: ('open' | 'upcoming' | 'closed')[] }): AsyncIterable<ApiEvent>;
  /** Affected accounts (organisational view); the bot's own account in the account view. */
  accounts(event: ApiEvent): Promise<string[]>;
  description(event: ApiEvent, accountId: string): Promise<string>;
  entities(event: ApiEvent, accountId: string): Promise<ApiEntity[]>;
}

const iso = (date: Date | undefined) => date?.toISOString();

/** API reference (DescribeEventDetailsForOrganization): a public event is no account's, so no account id is sent. */
const accountFilter = (event: ApiEvent, awsAccountId: string) =>
  event.eventScopeCode === 'PUBLIC' ? {} : { awsAccountId };

function apiEvent(e: {
  arn?: string;
  service?: string;
  eventTypeCode?: string;
  eventTypeCategory?: string;
  eventScopeCode?: string;
  region?: string;
  startTime?: Date;
  endTime?: Date;
  lastUpdatedTime?: Date;
  statusCode?: string;
}): ApiEvent | undefined {
  if (!e.arn || !e.service || !e.eventTypeCode || !e.eventTypeCategory || !e.startTime) return undefined;
  const at = iso(e.lastUpdatedTime ?? e.startTime) as string;
  return {
    arn: e.arn,
    service: e.service,
    eventTypeCode: e.eventTypeCode,
    eventTypeCategory: e.eventTypeCategory,
    eventScopeCode: e.eventScopeCode,
    region: e.region ?? 'global',
    startTime: e.startTime.toISOString(),
    endTime: iso(e.endTime),
    lastUpdatedTime: at,
    statusCode: (e.statusCode as ApiEvent['statusCode']) ?? 'open',
  };
}

/** The Health API (us-east-1 endpoint) in the organisational view. */
export function organizationHealthApi(client: HealthClient): HealthApi {
  return {
    events: ({ from, statuses }) =>
      pagedEvents((nextToken) =>
        client.send(
          new DescribeEventsForOrganizationCommand({
            filter: { ...(from ? { lastUpdatedTime: { from } } : {}), ...statusFilter(statuses) },
            maxResults: 100,
            nextToken,
          }),
        ),
      ),
    async accounts(event) {
      const accounts: string[] = [];
      let nextToken: string | undefined;
      do {
        const out = await client.send(
          new DescribeAffectedAccountsForOrganizationCommand({ eventArn: event.arn, nextToken }),
        );
        accounts.push(...(out.affectedAccounts ?? []));
        nextToken = out.nextToken;
      } while (nextToken);
      return accounts;
    },
    async description(event, awsAccountId) {
      const out = await client.send(
        new DescribeEventDetailsForOrganizationCommand({
          organizationEventDetailFilters: [{ eventArn: event.arn, ...accountFilter(event, awsAccountId) }],
        }),
      );
      return out.successfulSet?.[0]?.eventDescription?.latestDescription ?? '';
    },
    entities: (event, awsAccountId) =>
      pagedEntities((nextToken) =>
        client.send(
          new DescribeAffectedEntitiesForOrganizationCommand({
            organizationEntityFilters: [{ eventArn: event.arn, ...accountFilter(event, awsAccountId) }],
            maxResults: 100,
            nextToken,
          }),
        ),
      ),
  };
}

/** The Health API in the account view: the bot's own account only. */
export function accountHealthApi(client: HealthClient, ownAccount: () => Promise<string>): HealthApi {
  return {
    events: ({ from, statuses }) =>
      pagedEvents((nextToken) =>
        client.send(
          new DescribeEventsCommand({
            filter: { ...(from ? { lastUpdatedTimes: [{ from }] } : {}), ...statusFilter(statuses) },
            maxResults: 100,
            nextToken,
          }),
        ),
      ),
    accounts: async () => [await ownAccount()],
    async description(event) {
      const out = await client.send(new DescribeEventDetailsCommand({ eventArns: [event.arn] }));
      return out.successfulSet?.[0]?.eventDescription?.latestDescription ?? '';
    },
    entities: (event) =>
      pagedEntities((nextToken) =>
        client.send(
          new DescribeAffectedEntitiesCommand({
            filter: { eventArns: [event.arn] },
            maxResults: 100,
            nextToken,
          }),
        ),
      ),
  };
}

const statusFilter = (statuses: ApiEvent['statusCode'][] | undefined) =>
  statuses ? { eventStatusCodes: statuses } : {};

type RawEvent = Parameters<typeof apiEvent>[0];
type RawEntity = { entityValue?: string; statusCode?: string; lastUpdatedTime?: Date };

/** Every page of an events listing (both views page the same way). */
async function* pagedEvents(
  fetch: (nextToken: string | undefined) => Promise<{ events?: RawEvent[]; nextToken?: string }>,
): AsyncIterable<ApiEvent> {
  let nextToken: string | undefined;
  do {
    const out = await fetch(nextToken);
    for (const raw of out.events ?? []) {
      const event = apiEvent(raw);
      if (event) yield event;
    }
    nextToken = out.nextToken;
  } while (nextToken);
}

/** Every page of an affected-entities listing. */
async function pagedEntities(
  fetch: (nextToken: string | undefined) => Promise<{ entities?: RawEntity[]; nextToken?: string }>,
): Promise<ApiEntity[]> {
  const entities: ApiEntity[] = [];
  let nextToken: string | undefined;
  do {
    const out = await fetch(nextToken);
    for (const e of out.entities ?? [])
      if (e.entityValue)
        entities.push({
          entityValue: e.entityValue,
          status: e.statusCode,
          lastUpdatedTime: iso(e.lastUpdatedTime),
        });
    nextToken = out.nextToken;
  } while (nextToken);
  return entities;
}
