import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationStandIn } from './cloudformation-stand-in';
import { demoBuckets, demoCatalog, demoHealthEvents, demoSupportCases } from './demo-sample-data';
import { Ec2StandIn } from './ec2-stand-in';
import { HealthStandIn } from './health-stand-in';
import { S3StandIn } from './s3-stand-in';
import { ServiceCatalogStandIn } from './service-catalog-stand-in';
import { StsStandIn } from './sts-stand-in';
import { SupportStandIn } from './support-stand-in';
import { TaggingApiStandIn } from './tagging-api-stand-in';

export interface DemoOrganisation {
  /** AWS_ENDPOINT_URL_<SERVICE> of every stand-in the user did not point elsewhere. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Whether the AWS SDK would find credentials of a real account (env, profile files, web identity, container). */
export function hasAwsCredentials(env: NodeJS.ProcessEnv, home = homedir()): boolean {
  const named = [
    'AWS_ACCESS_KEY_ID',
    'AWS_PROFILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  ];
  if (named.some((name) => (env[name] ?? '') !== '')) return true;
  if ((env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ?? '') !== '') return true;
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials');
  const config = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config');
  return existsSync(credentials) || existsSync(config);
}

/**
 * A simulated organisation of sample accounts (those of the example config) on loopback: STS, Support, S3, EC2,
 * CloudFormation, Service Catalog, Health and Resource Groups Tagging API stand-ins with sample data, so every command and notice can be tried
 * without an AWS account. An endpoint the user exported (AWS_ENDPOINT_URL_<SERVICE>, or AWS_ENDPOINT_URL for
 * all) is left alone: their settings win.
 */
export async function startDemoOrganisation(
  userEnv: NodeJS.ProcessEnv,
  now = new Date(),
): Promise<DemoOrganisation> {
  const sts = new StsStandIn();
  const support = new SupportStandIn();
  const s3 = new S3StandIn();
  const ec2 = new Ec2StandIn();
  const cloudFormation = new CloudFormationStandIn();
  const serviceCatalog = new ServiceCatalogStandIn();
  const health = new HealthStandIn();
  health.events.push(...demoHealthEvents(now));
  for (const [account, cases] of demoSupportCases(now)) {
    support.cases.set(account, cases);
    // Every demo case has a reply from AWS, so Details and live updates have correspondence to show.
    for (const c of cases) {
      support.communications.set(c.caseId ?? '', [
        {
          caseId: c.caseId,
          body: 'Thank you for contacting AWS. We are looking into this now and will update the case.',
          submittedBy: 'Amazon Web Services',
          timeCreated: now.toISOString(),
        },
        {
          caseId: c.caseId,
          body: c.subject ?? '',
          submittedBy: c.submittedBy ?? '',
          timeCreated: c.timeCreated,
        },
      ]);
    }
  }
  for (const [account, buckets] of demoBuckets()) s3.buckets.set(account, buckets);
  cloudFormation.events.push(...demoCatalog.stackEvents);
  serviceCatalog.products.push(demoCatalog.serviceCatalog);
  const standIns = {
    STS: sts,
    SUPPORT: support,
    S3: s3,
    EC2: ec2,
    CLOUDFORMATION: cloudFormation,
    SERVICE_CATALOG: serviceCatalog,
    RESOURCE_GROUPS_TAGGING_API: new TaggingApiStandIn(),
    HEALTH: health,
  };
  await Promise.all(Object.values(standIns).map((standIn) => standIn.start()));
  const env: Record<string, string> = {};
  if ((userEnv.AWS_ENDPOINT_URL ?? '') === '') {
    for (const [service, standIn] of Object.entries(standIns)) {
      const name = `AWS_ENDPOINT_URL_${service}`;
      if ((userEnv[name] ?? '') === '') env[name] = standIn.url;
    }
  }
  return {
    env,
    stop: async () => {
      await Promise.all(Object.values(standIns).map((standIn) => standIn.stop()));
    },
  };
}
