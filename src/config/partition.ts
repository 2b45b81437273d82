/** The AWS partitions the bot runs in: commercial, GovCloud (US), China. `organization.partition` names one. */
export const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'] as const;
export type Partition = (typeof PARTITIONS)[number];
