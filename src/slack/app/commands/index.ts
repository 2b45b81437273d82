import type { App } from '@slack/bolt';
import { TAG_DOC } from '../../../autotag/backfill-job';
import { OWNER_DOC } from '../../../autotag/owner-command-doc';
import { BUCKET_DOC } from '../../../buckets/command-doc';
import { CASES_DOC } from '../../../cases/command-doc';
import { HEALTH_DOC } from '../../../health/command-doc';
import { WHOAMI_DOC } from '../../../whoami/command-doc';
import type { SlackAppDeps } from '../deps';
import { awsBucketCommand } from './aws-bucket';
import { awsCasesCommand } from './aws-cases';
import { awsHealthCommand } from './aws-health';
import { awsHelpCommand } from './aws-help';
import { awsOwnerCommand } from './aws-owner';
import { awsTagCommand } from './aws-tag';
import { awsWhoamiCommand } from './aws-whoami';
import { HELP_DOC } from './command-list';

/** Binds every slash command to its listener; the one place command names meet listeners. */
export function registerCommands(app: App, deps: SlackAppDeps): void {
  app.command(HELP_DOC.command, awsHelpCommand);
  app.command(WHOAMI_DOC.command, awsWhoamiCommand(deps));
  app.command(CASES_DOC.command, awsCasesCommand(deps));
  app.command(BUCKET_DOC.command, awsBucketCommand(deps));
  app.command(OWNER_DOC.command, awsOwnerCommand(deps));
  app.command(TAG_DOC.command, awsTagCommand(deps));
  app.command(HEALTH_DOC.command, awsHealthCommand(deps));
}
