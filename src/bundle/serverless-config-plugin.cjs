'use strict';
/**
 * Local Serverless plugin. Before anything is packaged or served offline it:
 *  1. validates the config file (CHATOPS_CONFIG, YAML or JSON) with the same schema the bot uses, so a bad
 *     config stops `serverless package/deploy` with the field named, instead of failing in Lambda later;
 *  2. writes it as JSON to .serverless-config/, the file the functions read (their bundles carry a JSON-only
 *     stand-in for the `yaml` package).
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

class ChatopsConfigPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    const prepare = () => this.prepare();
    this.hooks = {
      'before:package:createDeploymentArtifacts': prepare,
      'before:deploy:function:packageFunction': prepare,
      'before:offline:start': prepare,
      'before:offline:start:init': prepare,
      'before:invoke:local:invoke': prepare,
    };
  }

  prepare() {
    const serviceDir = this.serverless.serviceDir ?? this.serverless.config.servicePath;
    const custom = this.serverless.service.custom.chatopsConfig;
    require('tsx/cjs/api').register();
    const { loadConfigFile } = require('../config/load-config.ts');
    const { parse } = require('yaml');
    const { readFileSync } = require('node:fs');
    // CHATOPS_CONFIG may be absolute or relative to the service directory.
    const source = resolve(serviceDir, custom.source);
    try {
      loadConfigFile(source);
    } catch (error) {
      throw new this.serverless.classes.Error(error.message);
    }
    const target = join(serviceDir, custom.target);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, `${JSON.stringify(parse(readFileSync(source, 'utf8')), null, 2)}\n`);
    this.serverless.cli.log(`chatops config ${custom.source} is valid; written as ${custom.target}`);
  }
}

module.exports = ChatopsConfigPlugin;
