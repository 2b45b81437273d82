import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateTagsCommand } from '@aws-sdk/client-ec2';
import {
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { mockClient } from 'aws-sdk-client-mock';
import { checkSlackLimits } from '../../blocks/check-limits';
import { type LocalServer, startServer } from '../../src/local/http-server';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';
import { SlotPacer } from '../../src/store/slot-pacer';
import { BotHarness } from '../support/bot-harness';
import { answerMemberCallsFromFixtures } from '../support/catalog-fixtures';
import { fakeEc2 } from '../support/ec2-fake';
import { s3Error } from '../support/s3-error';
import { LogCapture } from './log-capture';

export interface MutationMark {
  s3: number;
  ec2: number;
}

type EventHandler = (event: unknown, context?: never) => Promise<unknown>;

export const FUZZ_CONFIG = resolve(__dirname, 'chatops-fuzz.yaml');
const BOT_FUNCTION_ARN = 'arn:aws:lambda:us-east-1:999999999999:function:aws-chatops-test-';

/**
 * The whole bot once, for many inputs: the real Slack HTTP handler served as API Gateway would, the worker run by
 * the Lambda stand-in, every event handler, dynalite, and stand-ins for Slack (answering `invalid_blocks` as Slack
 * does when a message breaks a limit), STS, Support, S3, EC2, Service Catalog and CloudFormation. A second
 * server plays "somewhere that is not Slack": any request reaching it is a leak.
 */
export class FuzzWorld {
  readonly bot = new BotHarness();
  readonly support = new SupportStandIn();
  readonly s3 = mockClient(S3Client);
  readonly ec2 = fakeEc2({ instanceTags: { Name: 'web-1' } });
  readonly serviceCatalog = mockClient(ServiceCatalogClient);
  readonly cloudFormation = mockClient(CloudFormationClient);
  readonly logs = new LogCapture();
  /** Requests that reached the foreign server. */
  readonly leaks: string[] = [];
  handlers: Record<string, EventHandler> = {};
  private foreign!: LocalServer;
  private ts = 0;
  private restorePacer: (() => void) | undefined;

  async start(): Promise<this> {
    this.logs.start();
    this.answerAws();
    this.restorePacer = sendWithoutPacing();
    this.foreign = await startServer((req, body, res) => {
      this.leaks.push(`${req.method} ${req.url} ${body.slice(0, 200)}`);
      res.end('{"ok":true}');
    });
    await this.support.start();
    this.answerSlack();
    await this.bot.start({
      CHATOPS_CONFIG: FUZZ_CONFIG,
      AWS_ENDPOINT_URL_SUPPORT: this.support.url,
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    // The one logger may already exist (anything importing the state store loads it) with the suite's SILENT
    // level: the fuzz judges "lost" by the INFO lines, so it sets the level itself, whatever loaded first.
    const { logger } = await import('../../src/lambda/logger');
    logger.setLogLevel('INFO');
    const [health, autotag, catalog, cases, worker] = await Promise.all([
      import('../../handlers/health-event'),
      import('../../handlers/autotag-event'),
      import('../../handlers/catalog-event'),
      import('../../handlers/cases-schedule'),
      import('../../handlers/slack-worker'),
    ]);
    const context = (name: string) =>
      ({
        invokedFunctionArn: `${BOT_FUNCTION_ARN}${name}`,
        getRemainingTimeInMillis: () => 300_000,
      }) as never;
    this.handlers = {
      healthEvent: (event) => health.handler(event, context('healthEvent')),
      autotagEvent: (event) => autotag.handler(event, context('autotagEvent')),
      catalogEvent: (event) => catalog.handler(event, context('catalogEvent')),
      casesSchedule: (event) => cases.handler(event),
      slackWorker: (event) => worker.handler(event),
    };
    return this;
  }

  /**
   * Support has one hostile case (or none): a report with cases renders a chart (about a second), so the fuzz
   * turns the case on for one case report in twenty.
   */
  casesInSupport(on: boolean): void {
    const old = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const hostile = supportCase('222222222222', 1, {
      timeCreated: old,
      subject: '<!channel> & <https://x.example|y>',
    });
    this.support.cases.set('222222222222', on ? [hostile] : []);
  }

  get foreignUrl(): string {
    return `${this.foreign.url}/not-slack`;
  }

  async stop(): Promise<void> {
    this.restorePacer?.();
    this.s3.restore();
    this.ec2.restore();
    this.serviceCatalog.restore();
    this.cloudFormation.restore();
    await Promise.all([this.bot.stop(), this.support.stop(), this.foreign?.close()]);
    this.logs.stop();
  }

  /**
   * Mutating AWS calls made so far by people's requests (S3 Create/Put/Delete, EC2 CreateTags), as
   * `Command input`. Auto-tagging's own CreateTags (events, not people) are left out: they are made with the
   * `aws-chatops-tagger` role of the event's account, retags with the worker's.
   */
  mutations(since: MutationMark = { s3: 0, ec2: 0 }): string[] {
    const s3 = this.s3
      .calls()
      .slice(since.s3)
      .map((call) => call.args[0])
      .filter((command) =>
        /^(Create|Put|Delete|Copy|Upload|CompleteMultipart)/.test(command.constructor.name),
      );
    const tags = this.ec2
      .calls()
      .slice(since.ec2)
      .map((call) => call.args[0])
      .filter((command) => command instanceof CreateTagsCommand)
      .filter((command) => !JSON.stringify(command.input).includes('"Key":"CreatedBy"'));
    return [...s3, ...tags].map(
      (command) => `${command.constructor.name} ${JSON.stringify(command.input).slice(0, 200)}`,
    );
  }

  /** Where `mutations(since)` starts for calls made from now on. */
  mutationMark(): MutationMark {
    return { s3: this.s3.calls().length, ec2: this.ec2.calls().length };
  }

  private answerAws(): void {
    this.s3.on(HeadBucketCommand).callsFake((input: { Bucket?: string }) => {
      if (input.Bucket?.endsWith('-new')) throw s3Error('NotFound', 404);
      return { BucketRegion: 'eu-west-1' };
    });
    this.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'stg-data', CreationDate: new Date(0) }] });
    this.s3.on(GetBucketPolicyCommand).rejects(s3Error('NoSuchBucketPolicy', 404));
    const csv = 'id,name\n1,"<!channel> & co"\n2,\u202eevil\n';
    this.s3.on(HeadObjectCommand).resolves({ ContentLength: csv.length, ETag: '"e1"' });
    this.s3.on(GetObjectCommand).callsFake(() => ({ Body: Readable.from([Buffer.from(csv)]) }));
    answerMemberCallsFromFixtures(this.serviceCatalog, this.cloudFormation);
  }

  /** Slack refuses a message that breaks its limits (`invalid_blocks`), as the real API does. */
  private answerSlack(): void {
    const slack = this.bot.slack;
    for (const method of ['chat.postMessage', 'chat.update', 'chat.postEphemeral']) {
      slack.answers.set(method, (body) => {
        if (checkSlackLimits(body).length > 0) return { ok: false, error: 'invalid_blocks' };
        this.ts += 1;
        return {
          ok: true,
          channel: body.channel ?? 'C0LOCAL01',
          ts: `1800000000.${String(this.ts).padStart(6, '0')}`,
        };
      });
    }
    slack.answers.set('views.open', (body) =>
      checkSlackLimits(body.view, 'modal').length > 0
        ? { ok: false, error: 'invalid_arguments' }
        : { ok: true },
    );
    slack.answers.set('usergroups.users.list', () => ({ ok: true, users: [] }));
    slack.answers.set('users.lookupByEmail', () => ({ ok: false, error: 'users_not_found' }));
    slack.answers.set('users.info', (body) => ({
      ok: true,
      user: { id: body.user, name: 'someone', profile: {} },
    }));
    const file = Buffer.from('id,name\n1,Ada\n');
    slack.downloads.set('F0FILE001/report.csv', file);
    slack.answers.set('files.info', (body) =>
      body.file === 'F0FILE001'
        ? {
            ok: true,
            file: {
              id: 'F0FILE001',
              name: 'report.csv',
              size: file.length,
              mimetype: 'text/csv',
              url_private_download: slack.fileUrl('F0FILE001/report.csv'),
            },
          }
        : { ok: false, error: 'file_not_found' },
    );
  }
}

/**
 * Health pacing (≤ 1 message per second per channel, measured by `npm run bench`) would make 200 events take
 * minutes; here every send slot is granted at once. Nothing else about the handlers is replaced.
 */
function sendWithoutPacing(): () => void {
  const original = SlotPacer.prototype.acquire;
  SlotPacer.prototype.acquire = async () => {};
  return () => {
    SlotPacer.prototype.acquire = original;
  };
}
