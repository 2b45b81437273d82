import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { mockClient } from 'aws-sdk-client-mock';
import { vi } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../src/local/local-dynamodb';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';
import { answerMemberCallsFromFixtures } from './catalog-fixtures';
import { handlerEnv } from './handler-env';
import { SlackStandIn } from './slack-stand-in';

const TABLE = 'aws-chatops-catalog-test-state';

/**
 * The catalog-event handler as Lambda runs it, configured only through the environment: dynalite state, the Slack
 * and STS stand-ins on loopback, and Service Catalog / CloudFormation in the member account played by
 * aws-sdk-client-mock (answers from test/fixtures/catalog/member-account-answers.json).
 */
export class CatalogHarness {
  readonly slack = new SlackStandIn();
  readonly sts = new StsStandIn();
  readonly serviceCatalog = mockClient(ServiceCatalogClient);
  readonly cloudFormation = mockClient(CloudFormationClient);
  dynamo!: LocalDynamo;
  store!: StateStore;
  handler!: (
    event: unknown,
    context?: { invokedFunctionArn: string; getRemainingTimeInMillis?: () => number },
  ) => Promise<void>;

  async start(): Promise<this> {
    [this.dynamo] = await Promise.all([startLocalDynamo(TABLE), this.slack.start(), this.sts.start()]);
    this.store = new StateStore(documentClient(this.dynamo.client), TABLE);
    Object.assign(
      process.env,
      handlerEnv({
        table: TABLE,
        dynamoEndpoint: this.dynamo.endpoint,
        stsUrl: this.sts.url,
        slackApiUrl: this.slack.apiUrl,
      }),
    );
    await this.reload();
    return this;
  }

  /** A fresh Lambda container: module-scope caches (credentials, clients, config) start empty. */
  async reload(): Promise<void> {
    vi.resetModules();
    ({ handler: this.handler } = await import('../../handlers/catalog-event'));
  }

  /** Every member-account call answers as the fixture says (a healthy account with the failed launch). */
  answerFromFixtures(): void {
    answerMemberCallsFromFixtures(this.serviceCatalog, this.cloudFormation);
  }

  posts(): Record<string, unknown>[] {
    return this.slack.callsOf('chat.postMessage').map((call) => call.body);
  }

  async stop(): Promise<void> {
    this.serviceCatalog.restore();
    this.cloudFormation.restore();
    await Promise.all([this.slack.stop(), this.sts.stop(), this.dynamo?.close()]);
  }
}
