import { logger } from '../lambda/logger';
import type { StateStore } from '../store/state-store';

/**
 * Which Slack workspaces refused the native chart and table (`invalid_blocks`: Slack rolls data_visualization and
 * data_table out in phases). Remembered for a week, then tried again, so a workspace gets them once it has them.
 */
export interface NativeBlocksMemory {
  refused(workspace: string): Promise<boolean>;
  remember(workspace: string): Promise<void>;
}

const REMEMBER_SECONDS = 7 * 24 * 60 * 60;
const key = (workspace: string) => ({ pk: `slack-workspace#${workspace}`, sk: 'native-blocks-refused' });

export function nativeBlocksMemory(store: Pick<StateStore, 'get' | 'create'>): NativeBlocksMemory {
  return {
    async refused(workspace) {
      const { pk, sk } = key(workspace);
      return (await store.get(pk, sk)) !== undefined;
    },
    async remember(workspace) {
      const { pk, sk } = key(workspace);
      await store.create(pk, sk, { refusedAt: new Date().toISOString() }, { ttlSeconds: REMEMBER_SECONDS });
    },
  };
}

/**
 * The key the refusal is remembered under, the same for /aws-cases and the weekly report: the bot has one token,
 * so one workspace, and the weekly report (posted with chat.postMessage) has no team id to key by.
 */
export const BOT_WORKSPACE = 'bot-workspace';

/**
 * Slack named a native block in its refusal (`errors` / `response_metadata.messages` point at the block, e.g.
 * "unsupported type: data_table [json-pointer:/blocks/1/type]"); any other invalid_blocks is our own mistake, and
 * remembering it would hide the native blocks for a week for nothing.
 */
export function namesNativeBlock(error: unknown): boolean {
  const data = (error as { data?: unknown }).data;
  const said = `${(error as Error).message ?? ''} ${data === undefined ? '' : JSON.stringify(data)}`;
  return /\b(data_table|data_visualization)\b/.test(said);
}

/** Slack refused the blocks: `invalid_blocks` from the Web API (`data.error`) or in a response_url's answer. */
export function isInvalidBlocks(error: unknown): boolean {
  const code = (error as { data?: { error?: string } }).data?.error;
  return code === 'invalid_blocks' || /\binvalid_blocks\b/.test((error as Error).message ?? '');
}

/**
 * Sends the report with the native chart and table unless this workspace refused them before; when Slack answers
 * `invalid_blocks`, the report is sent again in the text form, so nothing is lost; the workspace is remembered only
 * once that text form went through and only when Slack named the chart or table as what it refused.
 */
export async function sendWithNativeFallback<T>(
  send: (native: boolean) => Promise<T>,
  options: { enabled: boolean; workspace: string; memory: NativeBlocksMemory | undefined },
): Promise<T> {
  const { memory, workspace } = options;
  const native = options.enabled && !(await memory?.refused(workspace).catch(() => false));
  if (!native) return send(false);
  try {
    return await send(true);
  } catch (error) {
    if (!isInvalidBlocks(error)) throw error;
    logger.warn('Slack refused the native chart and table: sending the text form', { workspace, error });
    const sent = await send(false);
    if (namesNativeBlock(error))
      await memory?.remember(workspace).catch((cause: unknown) => logger.warn('not remembered', { cause }));
    else
      logger.warn('invalid_blocks did not name data_table or data_visualization: not remembered', {
        workspace,
      });
    return sent;
  }
}
