import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Hook = () => void;
const Plugin = createRequire(import.meta.url)('../../src/bundle/serverless-config-plugin.cjs') as new (
  serverless: unknown,
) => { hooks: Record<string, Hook> };

/** The part of the Serverless object the plugin reads, for a service in `serviceDir`. */
function fakeServerless(serviceDir: string, source: string) {
  return {
    serviceDir,
    service: { custom: { chatopsConfig: { source, target: '.serverless-config/chatops.config.json' } } },
    classes: { Error },
    cli: { log: () => undefined },
  };
}

const example = readFileSync('chatops.config.yaml', 'utf8');

describe('the chatops config plugin (CHATOPS_CONFIG for packaging and npm run dev)', () => {
  it('reads an absolute CHATOPS_CONFIG path as it is', () => {
    const serviceDir = mkdtempSync(join(tmpdir(), 'chatops-service-'));
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'chatops-config-')), 'team.yaml');
    writeFileSync(elsewhere, example.replace('name: staging', 'name: staging-abs'));

    new Plugin(fakeServerless(serviceDir, elsewhere)).hooks['before:offline:start:init']?.();

    const written = readFileSync(join(serviceDir, '.serverless-config/chatops.config.json'), 'utf8');
    expect(JSON.parse(written).accounts[2].name).toBe('staging-abs');
  });

  it('reads a relative CHATOPS_CONFIG path from the service directory', () => {
    const serviceDir = mkdtempSync(join(tmpdir(), 'chatops-service-'));
    writeFileSync(join(serviceDir, 'team.yaml'), example.replace('name: staging', 'name: staging-rel'));

    new Plugin(fakeServerless(serviceDir, 'team.yaml')).hooks['before:package:createDeploymentArtifacts']?.();

    const written = readFileSync(join(serviceDir, '.serverless-config/chatops.config.json'), 'utf8');
    expect(JSON.parse(written).accounts[2].name).toBe('staging-rel');
  });

  it('names the file it could not read', () => {
    const serviceDir = resolve('.');
    const missing = join(tmpdir(), 'no-such-dir', 'chatops.yaml');

    expect(() => new Plugin(fakeServerless(serviceDir, missing)).hooks['before:offline:start']?.()).toThrow(
      missing,
    );
  });
});
