import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FIXTURE = resolve(ROOT, 'test/fixtures/dependency-rule');
const DEPCRUISE = resolve(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = resolve(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** `npm run lint`'s dependency check, on a tree given as `cwd`; resolves with the violations found. */
async function violationsIn(cwd: string): Promise<string[]> {
  const run = promisify(execFile)(
    DEPCRUISE,
    ['src', 'blocks', 'handlers', '--config', CONFIG, '--output-type', 'json'],
    { cwd, maxBuffer: 64 * 1024 * 1024 },
  );
  // depcruise exits non-zero when it finds errors; the JSON report is on stdout either way.
  const { stdout } = await run.catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  const report = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the dependency rule (npm run lint)', () => {
  it('fails on each kind of import that breaks the rule, and only on those', async () => {
    expect(await violationsIn(FIXTURE)).toEqual(
      [
        'adapter-imports-feature: src/aws/account-name.ts → src/cases/case-title.ts',
        'adapter-imports-feature: src/slack/api/hook.ts → src/slack/app/listener-id.ts',
        'blocks-imports-core-module: blocks/io.ts → fs',
        'blocks-imports-package: blocks/io.ts → ../../../node_modules/zod/index.cjs',
        'blocks-imports-src-value: blocks/title.ts → src/buckets/bucket-name.ts',
        'config-schema-only: src/config/schema.ts → src/cases/case-title.ts',
        'feature-imports-other-feature: src/cases/case-title.ts → src/buckets/bucket-name.ts',
        // a folder nobody listed is a feature too
        'feature-imports-other-feature: src/newfeature/new-thing.ts → src/cases/config-schema.ts',
        'feature-imports-outside-its-allowed-rooms: src/cases/case-title.ts → src/slack/app/listener-id.ts',
        'feature-imports-outside-its-allowed-rooms: src/whoami/who.ts → src/slack/loose.ts',
        'feature-imports-outside-its-allowed-rooms: src/whoami/who.ts → test/support/bridge.ts',
        'jobs-imports-slack-app: src/jobs/run.ts → src/slack/app/listener-id.ts',
        'no-cycle: src/cases/case-title.ts → src/slack/app/listener-id.ts',
        'no-cycle: src/store/first.ts → src/store/second.ts',
        'shipping-code-imports-local: src/lambda/log.ts → src/local/demo.ts',
        'shipping-code-imports-test: src/whoami/who.ts → test/support/bridge.ts',
        'slack-api-imports-app: src/slack/api/hook.ts → src/slack/app/listener-id.ts',
      ].sort(),
    );
  }, 60_000);

  it('passes on the project itself', async () => {
    expect(await violationsIn(ROOT)).toEqual([]);
  }, 60_000);
});
