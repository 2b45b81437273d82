import type { CommandDoc } from '../../../../blocks/help';
import { TAG_DOC } from '../../../autotag/backfill-job';
import { OWNER_DOC } from '../../../autotag/owner-command-doc';
import { BUCKET_DOC } from '../../../buckets/command-doc';
import { CASES_DOC } from '../../../cases/command-doc';
import { HEALTH_DOC } from '../../../health/command-doc';
import { WHOAMI_DOC } from '../../../whoami/command-doc';

export const HELP_DOC: CommandDoc = {
  command: '/aws-help',
  summary: 'every command with its usage and examples',
  usage: ['/aws-help'],
  examples: [],
};

/** Every slash command the bot answers, as `/aws-help` lists them; each feature keeps its own command-doc.ts. */
export const COMMAND_LIST: readonly CommandDoc[] = [
  HELP_DOC,
  WHOAMI_DOC,
  CASES_DOC,
  BUCKET_DOC,
  OWNER_DOC,
  TAG_DOC,
  HEALTH_DOC,
];
