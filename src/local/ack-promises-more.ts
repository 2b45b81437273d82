import { WORKING_ICON } from '../../blocks/notice';

/** Whether a command's ack is only "working on it" (the worker answers later at the response_url). */
export function ackPromisesMore(ack: unknown): boolean {
  if (ack === null || typeof ack !== 'object') return false;
  const { blocks } = ack as { blocks?: { text?: { text?: unknown } }[] };
  const first = Array.isArray(blocks) ? blocks[0]?.text?.text : undefined;
  return typeof first === 'string' && first.startsWith(WORKING_ICON);
}
