import { describe, expect, it } from 'vitest';
import { provisionedProductUrl, stackEventsUrl } from '../../blocks/console-links';
import { parseStackArn } from '../../src/catalog/stack-arn';

function stack(arn: string) {
  const ref = parseStackArn(arn);
  if (!ref) throw new Error(`not a stack ARN: ${arn}`);
  return ref;
}

describe('console links', () => {
  it.each([
    [
      'arn:aws:cloudformation:ap-southeast-2:222222222222:stack/SC-222222222222-pp-abc123/uuid-1',
      'https://ap-southeast-2.console.aws.amazon.com/cloudformation/home?region=ap-southeast-2#/stacks/events?stackId=arn%3Aaws%3Acloudformation%3Aap-southeast-2%3A222222222222%3Astack%2FSC-222222222222-pp-abc123%2Fuuid-1',
      'https://ap-southeast-2.console.aws.amazon.com/servicecatalog/home?region=ap-southeast-2#/provisioned-products/pp-abc123',
    ],
    [
      'arn:aws-us-gov:cloudformation:us-gov-west-1:222222222222:stack/SC-222222222222-pp-abc123/uuid-1',
      'https://console.amazonaws-us-gov.com/cloudformation/home?region=us-gov-west-1#/stacks/events?stackId=arn%3Aaws-us-gov%3Acloudformation%3Aus-gov-west-1%3A222222222222%3Astack%2FSC-222222222222-pp-abc123%2Fuuid-1',
      'https://console.amazonaws-us-gov.com/servicecatalog/home?region=us-gov-west-1#/provisioned-products/pp-abc123',
    ],
    [
      'arn:aws-cn:cloudformation:cn-northwest-1:222222222222:stack/SC-222222222222-pp-abc123/uuid-1',
      'https://console.amazonaws.cn/cloudformation/home?region=cn-northwest-1#/stacks/events?stackId=arn%3Aaws-cn%3Acloudformation%3Acn-northwest-1%3A222222222222%3Astack%2FSC-222222222222-pp-abc123%2Fuuid-1',
      'https://console.amazonaws.cn/servicecatalog/home?region=cn-northwest-1#/provisioned-products/pp-abc123',
    ],
  ])('point at the stack partition and region: %s', (arn, events, product) => {
    expect(stackEventsUrl(stack(arn))).toBe(events);
    expect(provisionedProductUrl(stack(arn), 'pp-abc123')).toBe(product);
  });
});
