import type { App } from '@slack/bolt';
import { HEALTH_DOC } from '../../../health/command-doc';
import type { SlackAppDeps } from '../deps';
import { registerAwsBucket } from './aws-bucket';
import { registerAwsCases } from './aws-cases';
import { awsHealthCommand } from './aws-health';
import { registerAwsHelp } from './aws-help';
import { registerAwsWhoami } from './aws-whoami';

/** Registers every slash command; one listener per file. */
export function registerCommands(app: App, deps: SlackAppDeps): void {
  registerAwsHelp(app);
  registerAwsWhoami(app, deps);
  registerAwsCases(app, deps);
  registerAwsBucket(app, deps);
  app.command(HEALTH_DOC.command, awsHealthCommand(deps));
}
