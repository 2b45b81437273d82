import * as z from 'zod';
import { AUTOTAG_DEFAULTS, autotagConfigSchema } from '../autotag/config-schema';
import { bucketsConfigSchema } from '../buckets/config-schema';
import { CASES_CONFIG_DEFAULTS, casesConfigSchema } from '../cases/config-schema';
import {
  catalogConfigSchema,
  checkCatalogRouteAccounts,
  DEFAULT_CATALOG_CONFIG,
} from '../catalog/config-schema';
import { HEALTH_CONFIG_DEFAULTS, healthConfigSchema } from '../health/config-schema';
import { PARTITIONS } from './partition';
import { accountId, allowListSchema, awsRegion, roleName, slackChannel } from './schema-parts';

/**
 * Role names the bot assumes in member accounts, per purpose. `default` is used for a purpose that has no
 * entry; an account may override any of them.
 */
const rolesSchema = z.record(z.string(), roleName);

const accountSchema = z
  .object({
    id: accountId,
    name: z.string().min(1).max(64),
    roles: rolesSchema.default({}),
    regions: z.array(awsRegion).optional(),
  })
  .strict();

const organizationSchema = z
  .object({
    partition: z.enum(PARTITIONS).default('aws'),
    /**
     * The AWS Organizations id (o-…). Deploying needs it (here or `--param organizationId=`): the functions may
     * only assume roles in the organisation's accounts (IAM condition aws:ResourceOrgID).
     */
    id: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, 'must be an AWS Organizations id such as o-a1b2c3d4e5')
      .optional(),
    /** Look up names of accounts missing from `accounts` with Organizations DescribeAccount. */
    lookUpAccountNames: z.boolean().default(false),
    /** The sts:ExternalId sent with every AssumeRole; the member-role templates in infra/ require it (≥ 16 chars). */
    externalId: z
      .string()
      .min(
        16,
        'must be at least 16 characters, as the member-role templates in infra/ require (openssl rand -hex 20)',
      )
      .max(1224)
      .optional(),
  })
  .strict();

const slackSchema = z
  .object({
    defaultChannel: slackChannel,
    auditChannel: slackChannel.optional(),
    /** People who may run every mutating action. Features add their own allow-lists on top. */
    admins: allowListSchema.default({ users: [], userGroups: [] }),
  })
  .strict();

export const appConfigSchema = z
  .object({
    organization: organizationSchema.default({ partition: 'aws', lookUpAccountNames: false }),
    accounts: z
      .array(accountSchema)
      .default([])
      .superRefine((accounts, ctx) => {
        const seen = new Map<string, number>();
        accounts.forEach((account, index) => {
          for (const key of [account.id, account.name.toLowerCase()]) {
            const first = seen.get(key);
            if (first !== undefined) {
              ctx.addIssue({
                code: 'custom',
                path: [index],
                message: `duplicates accounts[${first}] (${key}); ids and names must be unique`,
              });
            }
            seen.set(key, index);
          }
        });
      }),
    roles: rolesSchema.default({ default: 'aws-chatops-read' }),
    slack: slackSchema,
    health: healthConfigSchema.default(HEALTH_CONFIG_DEFAULTS),
    catalog: catalogConfigSchema.default(DEFAULT_CATALOG_CONFIG),
    cases: casesConfigSchema.default(CASES_CONFIG_DEFAULTS),
    autotag: autotagConfigSchema.default(AUTOTAG_DEFAULTS),
    buckets: bucketsConfigSchema.prefault({}),
  })
  .strict()
  .superRefine(checkCatalogRouteAccounts);

export type AppConfig = z.infer<typeof appConfigSchema>;
export type AccountConfig = AppConfig['accounts'][number];
