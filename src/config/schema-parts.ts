import * as z from 'zod';

/** Building blocks shared by every section of the config file. */

export const accountId = z
  .string({ error: 'must be a 12-digit AWS account id in quotes (YAML reads unquoted digits as a number)' })
  .regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account id (quote it in YAML)' });

export const roleName = z
  .string()
  .regex(/^[\w+=,.@/-]{1,64}$/, { message: 'must be an IAM role name (letters, digits and +=,.@_-/)' });

export const slackChannel = z.string().regex(/^[CGD][A-Z0-9]{6,}$|^#[a-z0-9_-]{1,80}$/, {
  message: 'must be a channel id (C0123ABCD) or #channel-name',
});

export const slackUserId = z
  .string()
  .regex(/^[UW][A-Z0-9]{6,}$/, { message: 'must be a Slack user id such as U0123ABCD' });

export const slackUserGroupId = z
  .string()
  .regex(/^S[A-Z0-9]{6,}$/, { message: 'must be a Slack user group id such as S0123ABCD' });

export const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'must be an AWS region such as eu-west-1' });

/** Who may do something: Slack users and members of Slack user groups. */
export const allowListSchema = z
  .object({
    users: z.array(slackUserId).default([]),
    userGroups: z.array(slackUserGroupId).default([]),
  })
  .strict();

export type AllowList = z.infer<typeof allowListSchema>;

/** Weekly-style schedule in EventBridge cron syntax, e.g. `cron(0 8 ? * MON *)`. */
export const scheduleExpression = z
  .string()
  .regex(/^(cron\(.+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\))$/, {
    message: 'must be an EventBridge schedule such as cron(0 8 ? * MON *) or rate(7 days)',
  });
