import type { AirtableFields } from '../store/airtable-repository';
import type { HealthEventView } from './event-view';

/** The merge key of the Health table: eventTypeCode is not unique, an event ARN per account is. */
export const HEALTH_AIRTABLE_MERGE_ON = ['EventArn', 'Account'] as const;

/** Airtable long text holds 100,000 characters. */
const LONG_TEXT = 100_000;
const ENTITIES_TEXT = 10_000;

function entitiesText(entities: readonly string[]): string {
  let text = '';
  for (const [index, entity] of entities.entries()) {
    const next = text ? `${text}, ${entity}` : entity;
    const tail = ` …and ${entities.length - index} more`;
    if (next.length + tail.length > ENTITIES_TEXT) return `${text}${tail}`;
    text = next;
  }
  return text;
}

/** The row of one account's part of a Health event: the fields of the Airtable table the seed article set up, and more. */
export function healthAirtableRow(
  view: HealthEventView,
  accountId: string,
  slackLink: string | undefined,
): AirtableFields {
  const account = view.accounts[accountId];
  return {
    Name: view.eventTypeCode,
    Account: accountId,
    Service: view.service,
    eventTypeCategory: view.category,
    description: view.description.slice(0, LONG_TEXT),
    startTime: view.startTime,
    endTime: view.endTime ?? null,
    affectedEntities: entitiesText(account?.entities ?? []),
    EventArn: view.eventArn,
    Region: view.region,
    Status: view.status,
    LastUpdated: account?.lastUpdatedTime ?? view.lastUpdatedTime,
    Slack: slackLink ?? null,
  };
}
