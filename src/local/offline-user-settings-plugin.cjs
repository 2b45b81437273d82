'use strict';
/**
 * Local Serverless plugin, for `npm run dev` only (serverless-offline). serverless-offline gives each function
 * `{ ...process.env, ...provider.environment, ...function.environment }`, so serverless.yml's values — filled
 * from `${param:…}` defaults meant for deployments — would hide what the user exported (SLACK_API_URL,
 * AIRTABLE_BASE_ID, …). Before offline starts, the documented settings the user exported are written over
 * them, in the provider and in every function. Packaging and deploying are untouched.
 */
class OfflineUserSettingsPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    const apply = () => this.apply();
    this.hooks = {
      'before:offline:start': apply,
      'before:offline:start:init': apply,
    };
  }

  apply() {
    require('tsx/cjs/api').register();
    const { userSettings } = require('./user-settings.ts');
    const settings = userSettings(process.env);
    const { provider, functions } = this.serverless.service;
    provider.environment = { ...provider.environment, ...settings };
    for (const fn of Object.values(functions ?? {})) {
      if (fn.environment) fn.environment = { ...fn.environment, ...settings };
    }
    const names = Object.keys(settings).sort();
    if (names.length > 0) this.serverless.cli.log(`your settings win in every function: ${names.join(', ')}`);
  }
}

module.exports = OfflineUserSettingsPlugin;
