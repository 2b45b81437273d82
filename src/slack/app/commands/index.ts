import type { App } from '@slack/bolt';
import { BUCKET_DOC } from '../../../buckets/command-doc';
import { CASES_DOC } from '../../../cases/command-doc';
import { WHOAMI_DOC } from '../../../whoami/command-doc';
import type { SlackAppDeps } from '../deps';
import { awsBucketCommand } from './aws-bucket';
import { awsCasesCommand } from './aws-cases';
import { awsHelpCommand } from './aws-help';
import { awsWhoamiCommand } from './aws-whoami';
import { HELP_DOC } from './command-list';

/** Binds every slash command to its listener; the one place command names meet listeners. */
export function registerCommands(app: App, deps: SlackAppDeps): void {
  app.command(HELP_DOC.command, awsHelpCommand);
  app.command(WHOAMI_DOC.command, awsWhoamiCommand(deps));
  app.command(CASES_DOC.command, awsCasesCommand(deps));
  app.command(BUCKET_DOC.command, awsBucketCommand(deps));
}
