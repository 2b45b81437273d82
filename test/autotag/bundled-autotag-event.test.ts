import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BotHarness } from '../support/bot-harness';
import { serverlessBuildConfig } from '../support/serverless-build-config';
import { AUTOTAG_CONFIG, BOT_CONTEXT, freshEvent } from './ec2-fake';
import { Ec2StandIn } from './ec2-stand-in';

type Handler = typeof import('../../handlers/autotag-event').handler;

/**
 * The auto-tag function as deployed: built with serverless.yml's esbuild options, the config as JSON (as the
 * package has it), EC2 and STS on loopback. Real CloudTrail shapes go in; tags and notices come out.
 */
describe('the bundled auto-tag function', () => {
  const bot = new BotHarness();
  const ec2 = new Ec2StandIn();
  let handler: Handler;

  beforeAll(async () => {
    await ec2.start();
    const out = resolve('.bench/test-bundle');
    mkdirSync(out, { recursive: true });
    const config = join(out, 'autotag.config.json');
    writeFileSync(config, JSON.stringify(parse(readFileSync(AUTOTAG_CONFIG, 'utf8'))));
    await bot.start({ CHATOPS_CONFIG: config, AWS_ENDPOINT_URL_EC2: ec2.url });
    bot.slack.answers.set('users.lookupByEmail', (body) =>
      body.email === 'carol@example.com'
        ? { ok: true, user: { id: 'U0CAROL001' } }
        : { ok: false, error: 'users_not_found' },
    );
    const outfile = join(out, 'autotag-event.js');
    await build({
      ...serverlessBuildConfig().esbuild,
      entryPoints: ['handlers/autotag-event.ts'],
      outfile,
      sourcemap: false,
      logLevel: 'silent',
    });
    ({ handler } = createRequire(import.meta.url)(outfile) as { handler: Handler });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([bot.stop(), ec2.stop()]);
  });

  it('names and announces a person who passes a service tag, on the instance, its volume and ENI', async () => {
    ec2.launchTags.set('i-0a0000000000000e', { 'eks:nodegroup-name': 'not-me' });
    const posted = bot.slack.callsOf('chat.postMessage').length;

    const outcome = await handler(freshEvent('run-instances-iam-user-forged-service-tag.json'), BOT_CONTEXT);

    expect(outcome).toMatchObject({ status: 'tagged', notice: 'posted' });
    for (const id of ['i-0a0000000000000e', 'vol-0a0000000000000e', 'eni-0a0000000000000e']) {
      expect(ec2.tagged.get(id)).toMatchObject({ CreatedBy: 'alice', Owner: 'alice' });
    }
    const notice = JSON.stringify(bot.slack.callsOf('chat.postMessage')[posted]?.body.blocks);
    expect(notice).toContain('alice');
    expect(notice).not.toContain('EKS node group');
  });

  it('names the Service Catalog provisioner from the request tags when EC2 does not know the instance yet', async () => {
    ec2.unknown.add('i-0a00000000000009');
    const posted = bot.slack.callsOf('chat.postMessage').length;

    const outcome = await handler(freshEvent('run-instances-service-catalog.json'), BOT_CONTEXT);

    expect(outcome).toMatchObject({ notice: 'posted' });
    const notice = JSON.stringify(bot.slack.callsOf('chat.postMessage')[posted]?.body.blocks);
    expect(notice).toContain('carol@example.com via SSO Developer via Service Catalog');
    expect(notice).toContain('<@U0CAROL001>');
    expect(notice).toContain('InvalidInstanceID.NotFound');
  });
});
