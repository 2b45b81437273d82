/**
 * Bundled in place of `@slack/socket-mode`: the bot runs over HTTP on Lambda and never opens a socket, so the
 * real module (≈0.5 MB with its WebSocket client) would be dead weight. Using it by mistake fails loudly.
 */
export class SocketModeClient {
  constructor() {
    throw new Error('Socket Mode is not available in this build (aws-chatops runs over HTTP)');
  }
}
export const LogLevel = { DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
