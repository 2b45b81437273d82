import type { HealthEventView } from './event-view';

const CONSOLE_HOSTS = {
  aws: 'https://health.aws.amazon.com',
  'aws-us-gov': 'https://health.amazonaws-us-gov.com',
  'aws-cn': 'https://health.amazonaws.cn',
} as const;

/** The event in the AWS Health dashboard: the organisation's event log when it came through the org view. */
export function healthDashboardUrl(
  view: Pick<HealthEventView, 'eventArn' | 'organizationView'>,
  partition: keyof typeof CONSOLE_HOSTS,
): string {
  const page = view.organizationView ? 'organization/dashboard/eventlog' : 'account/event-log';
  return `${CONSOLE_HOSTS[partition]}/health/home#/${page}?eventID=${encodeURIComponent(view.eventArn)}&eventTab=details`;
}
