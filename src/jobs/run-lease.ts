import type { StateStore } from '../store/state-store';

/**
 * A live run renews its lease every HEARTBEAT; a run killed by Lambda (timeout, out of memory) stops renewing, so
 * its lease lapses within LEASE and the next delivery (Lambda retries an asynchronous invoke after 1 and 2
 * minutes) knows the run died.
 */
export const LEASE_SECONDS = 90;
export const HEARTBEAT_SECONDS = 30;
/** How long the run's record is kept: longer than Lambda's retries and the 30 minutes of a response_url. */
const RECORD_SECONDS = 2 * 60 * 60;

interface RunRecord {
  /** `retry`: the run gave up on purpose (Slack could not be told) and may run again at once. */
  state: 'running' | 'retry' | 'done';
  /** Epoch seconds when the current run started. */
  startedAt: number;
  /** Epoch seconds until which the run is alive. */
  leaseUntil: number;
}

export interface LeaseClock {
  nowMs: () => number;
  sleep: (ms: number) => Promise<void>;
}

export type RunStart =
  | { outcome: 'duplicate'; reason: 'finished' | 'running' }
  | { outcome: 'run'; lease: RunLease }
  /** An earlier delivery started the run and was killed (timeout, out of memory) `ranSeconds` after it began. */
  | { outcome: 'died'; ranSeconds: number; lease: RunLease };

/**
 * Starts a run of `key` once across deliveries. A delivery that finds the run finished, or alive (its lease is
 * renewed while we wait it out), is a duplicate. One that finds a lapsed lease takes the run over: `died` when
 * the earlier run was killed, `run` when it gave up so that it could be tried again.
 */
export async function startRun(store: StateStore, key: string, clock: LeaseClock): Promise<RunStart> {
  const pk = `run#${key}`;
  let waited = false;
  for (;;) {
    const record = await store.get<RunRecord>(pk);
    const nowS = Math.floor(clock.nowMs() / 1000);
    const data: RunRecord = { state: 'running', startedAt: nowS, leaseUntil: nowS + LEASE_SECONDS };
    if (!record) {
      if (await store.create(pk, '#', data, { ttlSeconds: RECORD_SECONDS }))
        return { outcome: 'run', lease: new RunLease(store, pk, data, 1, clock) };
      continue;
    }
    if (record.data.state === 'done') return { outcome: 'duplicate', reason: 'finished' };
    if (record.data.leaseUntil > nowS) {
      // Alive, or killed less than LEASE ago: wait the lease out once. Renewed meanwhile → alive.
      if (waited) return { outcome: 'duplicate', reason: 'running' };
      waited = true;
      await clock.sleep((record.data.leaseUntil - nowS + 1) * 1000);
      continue;
    }
    if (await store.replace(pk, '#', data, record.version, { ttlSeconds: RECORD_SECONDS })) {
      const lease = new RunLease(store, pk, data, record.version + 1, clock);
      if (record.data.state === 'retry') return { outcome: 'run', lease };
      // The last renewal was LEASE before the lease lapsed: the run was killed within HEARTBEAT after it.
      const ranSeconds = Math.max(0, record.data.leaseUntil - LEASE_SECONDS - record.data.startedAt);
      return { outcome: 'died', ranSeconds, lease };
    }
  }
}

/** The lease of a run this delivery owns: renewed while the work goes on, then finished or given up. */
export class RunLease {
  constructor(
    private readonly store: StateStore,
    private readonly pk: string,
    private data: RunRecord,
    private version: number,
    private readonly clock: LeaseClock,
  ) {}

  /** Pushes the lease LEASE_SECONDS ahead; false when another delivery took the run over. */
  async renew(): Promise<boolean> {
    return this.write({ ...this.data, leaseUntil: Math.floor(this.clock.nowMs() / 1000) + LEASE_SECONDS });
  }

  /** Runs `work` while renewing the lease every HEARTBEAT_SECONDS. */
  async keepAliveWhile<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void this.renew().catch(() => undefined), HEARTBEAT_SECONDS * 1000);
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /** The run is over: every later delivery is a duplicate. */
  async finish(): Promise<void> {
    await this.write({ ...this.data, state: 'done' });
  }

  /** The run failed in a way a retry may fix: the next delivery may run it at once. */
  async giveUp(): Promise<void> {
    await this.write({ ...this.data, state: 'retry', leaseUntil: 0 });
  }

  private async write(data: RunRecord): Promise<boolean> {
    const written = await this.store.replace(this.pk, '#', data, this.version, {
      ttlSeconds: RECORD_SECONDS,
    });
    if (written) {
      this.data = data;
      this.version += 1;
    }
    return written;
  }
}
