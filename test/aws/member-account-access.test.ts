import { describe, expect, it } from 'vitest';
import { memberAccountAccess } from '../../src/aws/member-account-access';
import { appConfigSchema } from '../../src/config/schema';
import type { WorkerDeps } from '../../src/jobs/worker-deps';

describe('memberAccountAccess', () => {
  it('gives the case report an STS client that makes each AssumeRole once (the fan-out retries outside the slot)', async () => {
    const config = appConfigSchema.parse({ slack: { defaultChannel: 'C0ALERTS01' } });

    const access = memberAccountAccess(config, 'aws-chatops-test');

    expect(await access.casesSts.config.maxAttempts()).toBe(1);
    expect(await access.sts.config.maxAttempts()).toBeGreaterThan(1);
    expect(access.casesCredentials).not.toBe(access.credentials);
    expect(access.casesClients).not.toBe(access.clients);
  });
});

describe('caseReportDeps', () => {
  it('reads accounts for /aws-cases with the cases clients (cases credentials) when the worker has them', async () => {
    const { caseReportDeps } = await import('../../src/cases/run-cases-job');
    const config = appConfigSchema.parse({ slack: { defaultChannel: 'C0ALERTS01' } });
    const access = memberAccountAccess(config, 'aws-chatops-test');
    const deps = { config, clients: access.clients } as unknown as WorkerDeps;

    expect(caseReportDeps({ ...deps, casesClients: access.casesClients }).clients).toBe(access.casesClients);
    expect(caseReportDeps(deps).clients).toBe(access.clients);
  });
});
