import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND_LIST } from '../../src/slack/app/commands/command-list';

interface Manifest {
  features: {
    slash_commands: { command: string; url: string; usage_hint?: string; description: string }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string };
    event_subscriptions: { request_url: string; bot_events: string[] };
    socket_mode_enabled: boolean;
  };
}

const EVENTS_URL = 'https://YOUR-API-ID.execute-api.REGION.amazonaws.com/slack/events';
const manifest = parse(
  readFileSync(join(import.meta.dirname, '../../infra/slack-app-manifest.yaml'), 'utf8'),
) as Manifest;

describe('infra/slack-app-manifest.yaml', () => {
  it('declares every command the bot documents in /aws-help', () => {
    const declared = manifest.features.slash_commands.map((c) => c.command);

    for (const doc of COMMAND_LIST) expect(declared).toContain(doc.command);
  });

  it('sends commands, interactivity and events to the one /slack/events URL, over HTTP (no socket mode)', () => {
    const urls = new Set([
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
    ]);

    expect([...urls]).toEqual([EVENTS_URL]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('turns the Home tab on and subscribes to app_home_opened, the one event the bot listens for', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
  });

  it('has the "Upload to S3" message shortcut the bucket feature listens for', () => {
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ name: 'Upload to S3', type: 'message', callback_id: 'bucket_upload' }),
    );
  });

  it('asks only for the bot scopes the features use', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'chat:write',
      'commands',
      'files:read',
      'files:write',
      'im:write',
      'usergroups:read',
      'users:read',
      'users:read.email',
    ]);
  });

  it('keeps descriptions and usage hints short enough for the Slack command menu', () => {
    for (const command of manifest.features.slash_commands) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect((command.usage_hint ?? '').length).toBeLessThanOrEqual(100);
    }
    for (const shortcut of manifest.features.shortcuts)
      expect(shortcut.description.length).toBeLessThanOrEqual(150);
  });
});
