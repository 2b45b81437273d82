import { isNode, parse, type Tags } from 'yaml';

const INTRINSICS = [
  'Ref',
  'GetAtt',
  'Join',
  'Sub',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'ImportValue',
  'FindInMap',
  'Base64',
  'Cidr',
  'GetAZs',
  'Condition',
];

/**
 * CloudFormation's short-form tags (`!Ref`, `!GetAtt`, `!Join`, …) as their long form (`{ Ref: … }`,
 * `{ 'Fn::Join': … }`), so templates and serverless.yml can be read with the `yaml` package and inspected.
 */
export const cloudFormationTags: Tags = INTRINSICS.flatMap((name) =>
  ([undefined, 'seq', 'map'] as const).map((collection) => ({
    tag: `!${name}`,
    ...(collection ? { collection } : {}),
    resolve: (node: unknown) => {
      const value = isNode(node) ? node.toJSON() : node;
      return {
        [name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`]:
          name === 'GetAtt' && typeof value === 'string' ? value.split('.') : value,
      };
    },
  })),
) as Tags;

/** Parses a CloudFormation template or serverless.yml (YAML or JSON) with the short-form tags understood. */
export function parseCloudFormation(text: string): unknown {
  return parse(text, { customTags: cloudFormationTags });
}
