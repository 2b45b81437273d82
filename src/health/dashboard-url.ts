import { SLACK_LIMITS } from '../../blocks/slack-limits';
import type { HealthEventView } from './event-view';

const CONSOLE_HOSTS = {
  aws: 'https://health.aws.amazon.com',
  'aws-us-gov': 'https://health.amazonaws-us-gov.com',
  'aws-cn': 'https://health.amazonaws.cn',
} as const;

/**
 * The event in the AWS Health dashboard: the organisation's event log when it came through the org view. An ARN
 * too long for a Slack button URL (≤ 3,000 characters once percent-encoded) links to the event log itself.
 */
export function healthDashboardUrl(
  view: Pick<HealthEventView, 'eventArn' | 'organizationView'>,
  partition: keyof typeof CONSOLE_HOSTS,
): string {
  const page = `${CONSOLE_HOSTS[partition]}/health/home#/${view.organizationView ? 'organization/dashboard/eventlog' : 'account/event-log'}`;
  const event = `${page}?eventID=${encodeURIComponent(view.eventArn)}&eventTab=details`;
  return event.length <= SLACK_LIMITS.url ? event : page;
}
