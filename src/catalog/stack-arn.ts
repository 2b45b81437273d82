/** Where a stack lives, read from its id: `arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<uuid>`. */
export interface StackRef {
  stackId: string;
  partition: string;
  region: string;
  accountId: string;
  stackName: string;
}

const STACK_ARN =
  /^arn:(aws[a-z-]*):cloudformation:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):stack\/([A-Za-z][A-Za-z0-9-]*)\/[\w-]+$/;

/** The stack an ARN names, or undefined when the text is not a stack ARN. */
export function parseStackArn(stackId: string): StackRef | undefined {
  const match = STACK_ARN.exec(stackId.trim());
  if (!match) return undefined;
  const [, partition = '', region = '', accountId = '', stackName = ''] = match;
  return { stackId: stackId.trim(), partition, region, accountId, stackName };
}

/**
 * Service Catalog names the stack of a provisioned product `SC-<account>-pp-<id>`; the provisioned product id is
 * `pp-<id>`. Undefined for any other stack.
 */
export function provisionedProductIdOf(stackName: string): string | undefined {
  const match = /^SC-\d{12}-(pp-[a-z0-9]+)$/.exec(stackName);
  return match?.[1];
}

/**
 * A nested stack of a provisioned product (`SC-<account>-pp-<id>-<LogicalId>-<suffix>`, named after its root
 * stack): its failure is also the product stack's, whose alert follows nested stacks to the root cause.
 */
export function isNestedInProvisionedProduct(stackName: string): boolean {
  return /^SC-\d{12}-pp-[a-z0-9]+-./.test(stackName);
}
