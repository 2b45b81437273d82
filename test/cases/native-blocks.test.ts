import { describe, expect, it } from 'vitest';
import { nativeBlocksMemory, sendWithNativeFallback } from '../../src/cases/native-blocks';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

/**
 * What @slack/web-api throws for `{ ok: false, error: 'invalid_blocks', errors: [...] }` (chat.postMessage, the
 * weekly report); Slack names the block it refused, here `what`.
 */
const invalidBlocks = (what = 'unsupported type: data_table [json-pointer:/blocks/1/type]') =>
  Object.assign(new Error('An API error occurred: invalid_blocks'), {
    data: { ok: false, error: 'invalid_blocks', errors: [what] },
  });

describe('sendWithNativeFallback', () => {
  let store: StateStore;
  useLocalStateStore('native-blocks', (s) => {
    store = s;
  });

  it('sends the text form after invalid_blocks and, for that workspace only, no native blocks again', async () => {
    const memory = nativeBlocksMemory(store);
    const tried: boolean[] = [];
    const send = async (native: boolean) => {
      tried.push(native);
      if (native) throw invalidBlocks();
      return 'posted';
    };

    const first = await sendWithNativeFallback(send, { enabled: true, workspace: 'T1', memory });
    const second = await sendWithNativeFallback(send, { enabled: true, workspace: 'T1', memory });
    const other = await sendWithNativeFallback(async (native) => native, {
      enabled: true,
      workspace: 'T2',
      memory,
    });

    expect([first, second, other]).toEqual(['posted', 'posted', true]);
    expect(tried).toEqual([true, false, false]);
  });

  it('lets any other error through, and sends the text form when native blocks are switched off', async () => {
    const memory = nativeBlocksMemory(store);
    const boom = Object.assign(new Error('channel_not_found'), { data: { error: 'channel_not_found' } });

    await expect(
      sendWithNativeFallback(
        async () => {
          throw boom;
        },
        { enabled: true, workspace: 'T3', memory },
      ),
    ).rejects.toBe(boom);
    expect(await memory.refused('T3')).toBe(false);
    expect(
      await sendWithNativeFallback(async (native) => native, { enabled: false, workspace: 'T3', memory }),
    ).toBe(false);
  });

  it('remembers nothing when the text form failed too, or when Slack named another block than the chart or table', async () => {
    const memory = nativeBlocksMemory(store);
    const down = new Error('An API error occurred: channel_not_found');

    await expect(
      sendWithNativeFallback(
        async (native) => {
          throw native ? invalidBlocks() : down;
        },
        { enabled: true, workspace: 'T4', memory },
      ),
    ).rejects.toBe(down);
    const sent = await sendWithNativeFallback(
      async (native) => {
        if (native) throw invalidBlocks('must be more than 0 characters [json-pointer:/blocks/3/text/text]');
        return 'text form';
      },
      { enabled: true, workspace: 'T5', memory },
    );

    expect(sent).toBe('text form');
    expect(await memory.refused('T4')).toBe(false);
    expect(await memory.refused('T5')).toBe(false);
  });
});
