'use strict';
/**
 * Local Serverless plugin: the deployed bot may only assume roles in its organisation, so
 *  - `serverless package` / `deploy` stop unless the organisation id is known (`--param organizationId=o-…` or
 *    `organization.id` in the config file): it goes into every sts:AssumeRole statement (aws:ResourceOrgID);
 *  - `serverless deploy` also stops unless `organization.externalId` is set (≥ 16 characters): the member roles
 *    in infra/ only trust the bot with that ExternalId (docs/configuration.md says how to generate one).
 * `npm run dev` (serverless-offline) needs neither.
 */
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

class OrganizationPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'before:package:createDeploymentArtifacts': () => this.requireOrganizationId(),
      'before:deploy:function:packageFunction': () => this.requireOrganizationId(),
      'before:deploy:deploy': () => {
        this.requireOrganizationId();
        this.requireExternalId();
      },
    };
  }

  requireOrganizationId() {
    const id = String(this.serverless.service.custom.organizationId ?? '');
    if (ORGANIZATION_ID.test(id)) return;
    throw new this.serverless.classes.Error(
      `The AWS Organizations id is ${id ? `"${id}", not an id like o-a1b2c3d4e5` : 'missing'}. Set organization.id in ` +
        'the config file or pass --param organizationId=o-… (aws organizations describe-organization shows it): ' +
        "the bot may only assume roles in its organisation's accounts.",
    );
  }

  requireExternalId() {
    const externalId = String(this.serverless.service.custom.externalIdConfigured ?? '');
    if (externalId.length >= 16) return;
    throw new this.serverless.classes.Error(
      'organization.externalId is missing or shorter than 16 characters in the config file. Generate one ' +
        '(openssl rand -hex 20), set it there, and pass the same value as ExternalId to the member-role StackSets ' +
        'in infra/: they only trust the bot with it.',
    );
  }
}

module.exports = OrganizationPlugin;
