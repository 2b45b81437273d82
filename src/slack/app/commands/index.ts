import type { App } from '@slack/bolt';
import { TAG_DOC } from '../../../autotag/backfill-job';
import { OWNER_DOC } from '../../../autotag/owner-command-doc';
import type { SlackAppDeps } from '../deps';
import { registerAwsBucket } from './aws-bucket';
import { registerAwsCases } from './aws-cases';
import { registerAwsHelp } from './aws-help';
import { awsOwnerCommand } from './aws-owner';
import { awsTagCommand } from './aws-tag';
import { registerAwsWhoami } from './aws-whoami';

/** Registers every slash command; one listener per file. */
export function registerCommands(app: App, deps: SlackAppDeps): void {
  registerAwsHelp(app);
  registerAwsWhoami(app, deps);
  registerAwsCases(app, deps);
  registerAwsBucket(app, deps);
  app.command(OWNER_DOC.command, awsOwnerCommand(deps));
  app.command(TAG_DOC.command, awsTagCommand(deps));
}
