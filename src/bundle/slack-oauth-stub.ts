/**
 * Bundled in place of `@slack/oauth` (≈70 KB with jsonwebtoken and semver): Bolt only builds an InstallProvider
 * when it is given an OAuth client id and secret, and this single-workspace bot is installed with a bot token.
 * Reaching any of these by mistake fails loudly.
 */
function unavailable(): never {
  throw new Error('Slack OAuth installation is not available in this build (aws-chatops uses a bot token)');
}

export class InstallProvider {
  constructor() {
    unavailable();
  }
}

export class MemoryInstallationStore {
  constructor() {
    unavailable();
  }
}

export class FileInstallationStore {
  constructor() {
    unavailable();
  }
}
