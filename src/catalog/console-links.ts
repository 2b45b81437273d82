import type { StackRef } from './stack-arn';

/** The console's origin for a partition and region (commercial, GovCloud, China). */
export function consoleOrigin(partition: string, region: string): string {
  if (partition === 'aws-us-gov') return 'https://console.amazonaws-us-gov.com';
  if (partition === 'aws-cn') return 'https://console.amazonaws.cn';
  return `https://${region}.console.aws.amazon.com`;
}

/** The stack's Events tab in the CloudFormation console (in the member account: sign in there first). */
export function stackEventsUrl(stack: StackRef): string {
  const { partition, region, stackId } = stack;
  return `${consoleOrigin(partition, region)}/cloudformation/home?region=${region}#/stacks/events?stackId=${encodeURIComponent(stackId)}`;
}

/** The provisioned product's page in the Service Catalog console of the member account. */
export function provisionedProductUrl(stack: StackRef, provisionedProductId: string): string {
  const { partition, region } = stack;
  return `${consoleOrigin(partition, region)}/servicecatalog/home?region=${region}#/provisioned-products/${encodeURIComponent(provisionedProductId)}`;
}
