import type { Block, KnownBlock } from '@slack/types';

/**
 * A chart (docs.slack.dev/reference/block-kit/blocks/data-visualization-block), not yet in @slack/types: a bar,
 * line or area chart of ≤ 6 series over ≤ 20 categories (labels ≤ 20 characters), titled in ≤ 50.
 */
export interface DataVisualizationBlock extends Block {
  type: 'data_visualization';
  title: string;
  chart: {
    type: 'bar' | 'line' | 'area';
    series: { name: string; data: { label: string; value: number }[] }[];
    axis_config: { categories: string[]; x_label?: string; y_label?: string };
  };
}

export type MessageBlock = KnownBlock | DataVisualizationBlock;

/** What every builder returns: blocks plus the plain-text fallback shown in notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: MessageBlock[];
}

/** A message answered to a person: only they see it (`ephemeral`) or the whole channel does. */
export interface SlackReply extends SlackMessage {
  responseType: 'ephemeral' | 'in_channel';
}

export function plainText(text: string): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text, emoji: true };
}

export function mrkdwnText(text: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text };
}
