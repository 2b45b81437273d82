import { describe, expect, it } from 'vitest';
import { acceptJob, JobRefusedError } from '../../src/jobs/accept-job';
import type { Job } from '../../src/jobs/job';
import type { JobDispatcher } from '../../src/jobs/job-dispatcher';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const reply = {
  responseUrl: 'https://hooks.slack.com/commands/T0/1/abc',
  userId: 'U0MAKER01',
  channelId: 'C0LOCAL01',
};

describe("acceptJob checks a job with the worker's schema", () => {
  let store: StateStore;
  useLocalStateStore('start-job-test', (s) => {
    store = s;
  });

  function dispatcher(): JobDispatcher & { sent: Job[] } {
    const sent: Job[] = [];
    return { sent, dispatch: async (job: Job) => void sent.push(job) } as JobDispatcher & { sent: Job[] };
  }

  it('refuses a job the worker would refuse, naming the field, and neither claims nor dispatches it', async () => {
    const jobs = dispatcher();
    const job = {
      kind: 'bucket.convert',
      id: 'trigger-bad',
      reply,
      account: { id: '333333333333' },
      bucket: 'stg-data',
      key: 'a.csv',
      to: '',
    } as Job;

    const error = await acceptJob(job, { store, dispatcher: jobs, responseUrlHosts: [] }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(JobRefusedError);
    expect((error as JobRefusedError).problems.join('\n')).toMatch(/^to: An object key cannot be empty/m);
    expect(jobs.sent).toEqual([]);
    expect(await store.get('job#trigger-bad')).toBeUndefined();
  });

  it('starts a valid job once', async () => {
    const jobs = dispatcher();
    const job: Job = { kind: 'whoami', id: 'trigger-ok', reply };

    expect(await acceptJob(job, { store, dispatcher: jobs, responseUrlHosts: [] })).toBe('accepted');
    expect(await acceptJob(job, { store, dispatcher: jobs, responseUrlHosts: [] })).toBe('duplicate');
    expect(jobs.sent).toHaveLength(1);
  });
});
