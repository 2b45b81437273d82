import { describe, expect, it } from 'vitest';
import { catalogFailureAlert } from '../../blocks/catalog-failure-alert';
import { checkSlackLimits } from '../../blocks/check-limits';
import type { FailureReport } from '../../src/catalog/enrich-failure';
import { readCatalogEvent } from '../../src/catalog/read-catalog-event';
import type { StackNotification } from '../../src/catalog/stack-notification';
import { catalogFixture } from '../support/catalog-fixtures';
import { unsafeMrkdwn } from '../support/mrkdwn-safety';

function notification(name = 'sns-stack-rollback-complete'): StackNotification {
  const [input] = readCatalogEvent(catalogFixture(name));
  if (input?.kind !== 'notification') throw new Error(`${name} is not a notification`);
  return input.notification;
}

function report(overrides: Partial<FailureReport> = {}): FailureReport {
  return {
    notification: notification(),
    accountName: 'prod-payments',
    role: 'AWSControlTowerExecution',
    provisionedProductId: 'pp-7fzq2lmd4xk3e',
    catalog: {
      provisionedProductId: 'pp-7fzq2lmd4xk3e',
      provisionedProductName: 'payments-artifacts-bucket',
      productId: 'prod-abcd1234efgh5',
      productName: 'Encrypted S3 bucket',
      versionName: 'v2.3.0',
      versionDescription: 'Adds a replication rule',
      launchedBy: 'arn:aws:sts::222222222222:assumed-role/Dev/jane',
      launchedAt: new Date('2024-06-03T10:04:55Z'),
      record: {
        id: 'rec-1',
        type: 'UPDATE_PROVISIONED_PRODUCT',
        errors: [{ code: 'CloudFormationFailure', description: 'failed' }],
      },
    },
    rootCause: {
      cause: {
        logicalId: 'Bucket',
        type: 'AWS::S3::Bucket',
        status: 'CREATE_FAILED',
        reason: 'exists',
        physicalId: undefined,
        timestamp: undefined,
      },
      nestedPath: [],
      alsoFailed: [],
    },
    stackEventsRead: true,
    gaps: [],
    ...overrides,
  };
}

describe('catalogFailureAlert', () => {
  it('names the operation, product, version, account, region, status, cause, who and when', () => {
    const message = catalogFailureAlert({ report: report() });
    const blocks = JSON.stringify(message.blocks);

    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '🔴 Update failed: payments-artifacts-bucket' },
    });
    for (const part of [
      'Encrypted S3 bucket v2.3.0',
      'prod-payments (222222222222)',
      'eu-west-1',
      '`ROLLBACK_COMPLETE`',
      '`Bucket` (AWS::S3::Bucket) CREATE_FAILED',
      '>exists',
      'assumed-role/Dev/jane',
      '<!date^',
    ]) {
      expect(blocks).toContain(part);
    }
    expect(message.text).toBe(
      'Service Catalog update failed: payments-artifacts-bucket (Encrypted S3 bucket v2.3.0) in prod-payments eu-west-1, ROLLBACK_COMPLETE. Root cause: Bucket: exists',
    );
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('links to the provisioned product and to the stack events in the right partition and region', () => {
    const blocks = JSON.stringify(catalogFailureAlert({ report: report() }).blocks);

    expect(blocks).toContain(
      'https://eu-west-1.console.aws.amazon.com/servicecatalog/home?region=eu-west-1#/provisioned-products/pp-7fzq2lmd4xk3e|',
    );
    expect(blocks).toContain(
      'https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/events?stackId=arn%3Aaws%3Acloudformation%3Aeu-west-1%3A222222222222%3Astack%2FSC-222222222222-pp-7fzq2lmd4xk3e%2F4b1c5e70',
    );
  });

  it('escapes what AWS and users wrote, so a reason cannot ping the channel or forge a link', () => {
    const hostile = report({
      rootCause: {
        cause: {
          logicalId: 'X<!channel>',
          type: 'T',
          status: 'CREATE_FAILED',
          reason: '<!here> see <https://evil|docs> & more',
          physicalId: undefined,
          timestamp: undefined,
        },
        nestedPath: [],
        alsoFailed: [],
      },
    });

    const blocks = JSON.stringify(catalogFailureAlert({ report: hostile }).blocks);

    expect(blocks).not.toMatch(/<!here>|<!channel>|<https:\/\/evil/);
    expect(blocks).toContain('&lt;!here&gt; see &lt;https://evil|docs&gt; &amp; more');
  });

  it('escapes AWS strings in the text fallback too (notifications render it as mrkdwn)', () => {
    const hostile = report({
      accountName: 'prod <!channel>',
      catalog: {
        ...report().catalog,
        provisionedProductId: 'pp-7fzq2lmd4xk3e',
        provisionedProductName: 'pp <@U0BOSS0001>',
        productName: 'P & <x>',
      },
      rootCause: {
        cause: {
          logicalId: 'X<!here>',
          type: 'T',
          status: 'CREATE_FAILED',
          reason: 'see <https://evil|docs>',
          physicalId: undefined,
          timestamp: undefined,
        },
        nestedPath: [],
        alsoFailed: [],
      },
    });

    const message = catalogFailureAlert({ report: hostile });

    const mrkdwn = { text: message.text, blocks: message.blocks.slice(1) }; // the header is plain_text
    expect(unsafeMrkdwn(mrkdwn, 'https://eu-west-1.console.aws.amazon.com/')).toEqual([]);
    expect(message.text).toContain(
      'pp &lt;@U0BOSS0001&gt; (P &amp; &lt;x&gt; v2.3.0) in prod &lt;!channel&gt;',
    );
  });

  it('says what is unknown and why when nothing could be read in the member account', () => {
    const bare = report({
      catalog: undefined,
      rootCause: undefined,
      stackEventsRead: false,
      accountName: undefined,
      gaps: [
        {
          what: 'anything from account 222222222222',
          why: 'AssumeRoleError: Cannot assume arn:aws:iam::222222222222:role/AWSControlTowerExecution: AccessDenied',
        },
      ],
    });

    const message = catalogFailureAlert({ report: bare, mention: 'U0ONCALL01' });
    const blocks = JSON.stringify(message.blocks);

    expect(blocks).toContain('<@U0ONCALL01>');
    expect(blocks).toContain('unknown, the stack events could not be read');
    expect(blocks).toContain(':warning: Could not read anything from account 222222222222: AssumeRoleError');
    expect(blocks).toContain('unknown product (version unknown)');
    expect(blocks).toContain('pp-7fzq2lmd4xk3e');
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('stays inside Slack limits with huge names, reasons, many failures, errors and gaps', () => {
    const long = (n: number) => 'x<&>'.repeat(n);
    const failure = {
      logicalId: long(100),
      type: long(100),
      status: 'CREATE_FAILED',
      reason: `${long(3000)}\n`.repeat(50),
      physicalId: undefined,
      timestamp: undefined,
    };
    const worst = report({
      accountName: long(64),
      catalog: {
        ...report().catalog,
        provisionedProductId: 'pp-7fzq2lmd4xk3e',
        provisionedProductName: long(500),
        productName: long(500),
        versionName: long(500),
        versionDescription: long(5000),
        launchedBy: long(1000),
        record: {
          id: long(50),
          errors: Array.from({ length: 200 }, () => ({ code: long(100), description: long(2000) })),
        },
      },
      rootCause: {
        cause: failure,
        nestedPath: Array.from({ length: 3 }, () => long(100)),
        alsoFailed: Array.from({ length: 500 }, () => failure),
      },
      gaps: Array.from({ length: 100 }, () => ({ what: long(100), why: long(2000) })),
    });

    const message = catalogFailureAlert({ report: worst, mention: 'S0PAYTEAM1' });

    expect(checkSlackLimits(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('more');
  });

  it('titles a stack that Service Catalog did not launch by its own name', () => {
    const message = catalogFailureAlert({
      report: report({
        notification: notification('sns-non-catalog-stack-update-rollback-failed'),
        provisionedProductId: undefined,
        catalog: undefined,
      }),
    });

    expect(message.blocks[0]).toMatchObject({ text: { text: '🔴 Update failed: network-baseline' } });
    expect(JSON.stringify(message.blocks)).toContain('not a Service Catalog stack');
    expect(JSON.stringify(message.blocks)).not.toContain('servicecatalog/home');
  });
});

describe('catalogFailureAlert with unbounded AWS strings (Slack would answer invalid_blocks)', () => {
  it('keeps a 3,000-character region, status, product id, role and cause inside Slack limits, escaped', () => {
    const flood = '<'.repeat(3000);
    const base = report();
    const stack = { ...base.notification.stack, region: flood, stackName: flood };
    const message = catalogFailureAlert({
      report: report({
        notification: { ...base.notification, stack, status: flood, reason: flood },
        provisionedProductId: flood,
        role: flood,
        rootCause: {
          cause: {
            logicalId: flood,
            type: flood,
            status: flood,
            reason: flood,
            physicalId: undefined,
            timestamp: undefined,
          },
          nestedPath: [flood, flood],
          alsoFailed: [],
        },
      }),
    });

    expect(checkSlackLimits(message)).toEqual([]);
    expect(unsafeMrkdwn(message, 'https://')).toEqual([]);
  });
});
