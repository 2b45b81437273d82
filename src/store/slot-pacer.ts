import type { StateStore } from './state-store';

/** A send could not get a slot before the caller's deadline (e.g. the Lambda would time out waiting). */
export class PacerDeadlineError extends Error {
  override readonly name = 'PacerDeadlineError';
  constructor(
    readonly key: string,
    readonly waitMs: number,
  ) {
    super(`no ${key} send slot before the deadline (next free slot in ${Math.round(waitMs)} ms)`);
  }
}

interface PaceState {
  /** First slot worth trying (a hint: slots before it are very likely taken). */
  next: number;
  /** Nothing may be sent before this epoch-ms (the peer answered 429 with Retry-After). */
  blockedUntil: number;
}

export interface SlotPacerOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const SLOT_TTL_SECONDS = 3600;
const MAX_SLOTS_SCANNED = 2000;

/**
 * Spaces sends to one peer (a Slack channel, an Airtable base) at least `intervalMs` apart across every Lambda
 * container, with conditional writes in the state table: time is cut in slots of `intervalMs`, a send claims
 * its slot and goes at the slot's start. When nothing was sent lately it goes at once, claiming the current and
 * the next slot (so the following send is still a full interval later). A 429 blocks the peer until Retry-After.
 */
export class SlotPacer {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly store: StateStore,
    options: SlotPacerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Waits for this caller's turn to send to `key`; throws PacerDeadlineError rather than wait past `deadline`. */
  async acquire(key: string, intervalMs: number, deadline = Number.POSITIVE_INFINITY): Promise<void> {
    const state = (await this.store.get<PaceState>(`pace#${key}`))?.data;
    const now = this.now();
    const current = Math.floor(now / intervalMs);
    const blockedUntil = state?.blockedUntil ?? 0;
    if (now >= blockedUntil && (await this.claimSlot(key, current))) {
      if (await this.claimSlot(key, current + 1)) return;
    }
    let slot = Math.max(current + 1, state?.next ?? 0, Math.ceil(blockedUntil / intervalMs));
    for (let scanned = 0; !(await this.claimSlot(key, slot)); scanned += 1) {
      if (scanned >= MAX_SLOTS_SCANNED) throw new PacerDeadlineError(key, (slot - current) * intervalMs);
      slot += 1;
    }
    await this.remember(key, (s) => ({ ...s, next: Math.max(s.next, slot + 1) }));
    const startsAt = slot * intervalMs;
    if (startsAt > deadline) throw new PacerDeadlineError(key, startsAt - this.now());
    const wait = startsAt - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  /** The peer said "not before `untilMs`" (429 + Retry-After): every sender to `key` waits until then. */
  async block(key: string, untilMs: number): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (await this.remember(key, (s) => ({ ...s, blockedUntil: Math.max(s.blockedUntil, untilMs) })))
        return;
    }
  }

  private claimSlot(key: string, slot: number): Promise<boolean> {
    return this.store.claim(`pace#${key}#${slot}`, SLOT_TTL_SECONDS);
  }

  /** Best-effort update of the shared hint / block record; false when another writer won the race. */
  private async remember(key: string, change: (state: PaceState) => PaceState): Promise<boolean> {
    const record = await this.store.get<PaceState>(`pace#${key}`);
    const next = change(record?.data ?? { next: 0, blockedUntil: 0 });
    const options = { ttlSeconds: SLOT_TTL_SECONDS };
    return record
      ? this.store.replace(`pace#${key}`, '#', next, record.version, options)
      : this.store.create(`pace#${key}`, '#', next, options);
  }
}
