import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { CaseDetails } from '@aws-sdk/client-support';
import type { StandInHealthEvent } from './health-stand-in';
import type { StandInBucket } from './s3-stand-in';
import catalogAnswers from './samples/catalog-member-answers.json';
import type { ServiceCatalogAnswers } from './service-catalog-stand-in';
import { supportCase } from './support-stand-in';

/** The demo organisation: the accounts of the example chatops.config.yaml. */
export const DEMO_ACCOUNTS = {
  management: '111111111111',
  prodPayments: '222222222222',
  staging: '333333333333',
};

const DAY = 86_400_000;

/** Support cases of the last days in every demo account (DescribeCases' CaseDetails). */
export function demoSupportCases(now: Date): Map<string, CaseDetails[]> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const { management, prodPayments, staging } = DEMO_ACCOUNTS;
  return new Map([
    [
      prodPayments,
      [
        supportCase(prodPayments, 1, {
          subject: 'RDS failover took 10 minutes',
          severityCode: 'critical',
          serviceCode: 'amazon-relational-database-service',
          submittedBy: 'carol@example.com',
          timeCreated: daysAgo(1),
        }),
        supportCase(prodPayments, 2, {
          subject: 'Raise the Lambda concurrency limit in eu-west-1',
          severityCode: 'normal',
          serviceCode: 'service-limit-increase',
          status: 'resolved',
          timeCreated: daysAgo(3),
        }),
      ],
    ],
    [
      staging,
      [
        supportCase(staging, 3, {
          subject: 'EC2 instance unreachable after reboot',
          severityCode: 'high',
          status: 'pending-customer-action',
          submittedBy: 'dave@example.com',
          timeCreated: daysAgo(2),
        }),
      ],
    ],
    [
      management,
      [
        supportCase(management, 4, {
          subject: 'Question about consolidated billing',
          severityCode: 'low',
          serviceCode: 'billing',
          timeCreated: daysAgo(5),
        }),
      ],
    ],
  ]);
}

/** Buckets per demo account. */
export function demoBuckets(): Map<string, StandInBucket[]> {
  const { management, prodPayments, staging } = DEMO_ACCOUNTS;
  return new Map([
    [
      staging,
      [
        { name: 'stg-reports', region: 'eu-west-1', createdAt: '2025-03-02T09:15:00.000Z' },
        { name: 'stg-site', region: 'eu-west-1', createdAt: '2025-04-11T14:02:00.000Z' },
        { name: 'staging-terraform-state', region: 'us-east-1', createdAt: '2024-11-20T08:00:00.000Z' },
      ],
    ],
    [
      prodPayments,
      [{ name: 'payments-public-assets', region: 'eu-west-1', createdAt: '2024-06-01T10:00:00.000Z' }],
    ],
    [
      management,
      [{ name: 'org-cloudtrail-logs', region: 'us-east-1', createdAt: '2023-01-15T12:00:00.000Z' }],
    ],
  ]);
}

/** The failed Service Catalog launch of samples/catalog-sns-rollback-complete.json, as its account answers. */
export const demoCatalog = {
  serviceCatalog: catalogAnswers as unknown as ServiceCatalogAnswers,
  stackEvents: catalogAnswers.describeStackEvents.StackEvents as unknown as StackEvent[],
};

/** Health events only the Health API knows (try: invoke healthReconcile, then healthReminders). */
export function demoHealthEvents(now: Date): StandInHealthEvent[] {
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
  return [
    {
      arn: 'arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_demo0001',
      service: 'EC2',
      eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
      eventTypeCategory: 'issue',
      eventScopeCode: 'ACCOUNT_SPECIFIC',
      region: 'eu-west-1',
      startTime: at(-2),
      lastUpdatedTime: at(-1),
      statusCode: 'open',
      description: 'We are investigating increased API error rates for EC2 instance launches in euw1-az2.',
      accounts: {
        [DEMO_ACCOUNTS.prodPayments]: [
          { entityValue: 'i-0a1b2c3d4e5f60001', statusCode: 'IMPAIRED' },
          { entityValue: 'i-0a1b2c3d4e5f60002', statusCode: 'RESOLVED' },
        ],
      },
    },
    {
      arn: 'arn:aws:health:eu-central-1::event/RDS/AWS_RDS_MAINTENANCE_SCHEDULED/AWS_RDS_MAINTENANCE_SCHEDULED_demo0002',
      service: 'RDS',
      eventTypeCode: 'AWS_RDS_MAINTENANCE_SCHEDULED',
      eventTypeCategory: 'scheduledChange',
      eventScopeCode: 'ACCOUNT_SPECIFIC',
      region: 'eu-central-1',
      startTime: at(20),
      lastUpdatedTime: at(-3),
      statusCode: 'upcoming',
      description: 'Required maintenance is scheduled for your DB instance staging-orders-db.',
      accounts: { [DEMO_ACCOUNTS.staging]: [{ entityValue: 'staging-orders-db', statusCode: 'PENDING' }] },
    },
  ];
}
