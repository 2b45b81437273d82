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
const MAX_ATTEMPTS = 20;

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

  /**
   * Waits for this caller's turn to send to `key`; throws PacerDeadlineError rather than wait past `deadline`.
   * A slot is only ever claimed ahead of the clock, and a sender that wakes up late (a busy event loop) or finds
   * the peer blocked meanwhile gives its slot up and takes another, so sends stay a full interval apart.
   */
  async acquire(key: string, intervalMs: number, deadline = Number.POSITIVE_INFINITY): Promise<void> {
    const tolerance = intervalMs * 0.1;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const state = await this.state(key);
      const now = this.now();
      const current = Math.floor(now / intervalMs);
      if (now >= state.blockedUntil && (await this.claimSlot(key, current))) {
        // Sending now is only fair if the claims did not take us past the start of the next slot.
        if ((await this.claimSlot(key, current + 1)) && this.now() <= (current + 1) * intervalMs) return;
      }
      const slot = await this.claimFutureSlot(
        key,
        intervalMs,
        Math.max(state.next, Math.ceil(state.blockedUntil / intervalMs)),
      );
      const startsAt = slot * intervalMs;
      if (startsAt > deadline) throw new PacerDeadlineError(key, startsAt - this.now());
      const wait = startsAt - this.now();
      if (wait > 0) await this.sleep(wait);
      const blocked = (await this.state(key)).blockedUntil > this.now();
      if (!blocked && this.now() - startsAt <= tolerance) return;
    }
    throw new PacerDeadlineError(key, 0);
  }

  /** The first free slot at or after `from` that has not started yet. */
  private async claimFutureSlot(key: string, intervalMs: number, from: number): Promise<number> {
    let slot = from;
    for (let scanned = 0; scanned < MAX_SLOTS_SCANNED; scanned += 1) {
      slot = Math.max(slot, Math.floor(this.now() / intervalMs) + 1);
      if (await this.claimSlot(key, slot)) {
        const claimed = slot;
        await this.remember(key, (s) => ({ ...s, next: Math.max(s.next, claimed + 1) }));
        return slot;
      }
      slot += 1;
    }
    throw new PacerDeadlineError(key, MAX_SLOTS_SCANNED * intervalMs);
  }

  private async state(key: string): Promise<PaceState> {
    return (await this.store.get<PaceState>(`pace#${key}`))?.data ?? { next: 0, blockedUntil: 0 };
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
