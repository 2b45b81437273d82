import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one structured logger. Correlation ids are appended per invocation with `withCorrelation`
 * (Slack trigger id, event id, account) so every line of one piece of work can be found together.
 */
export const logger = new Logger({ serviceName: 'aws-chatops' });

export type Correlation = Partial<
  Record<'slackTrigger' | 'eventId' | 'account' | 'jobId' | 'function', string>
>;

export function withCorrelation(correlation: Correlation): void {
  logger.resetKeys();
  const defined = Object.fromEntries(Object.entries(correlation).filter(([, value]) => value !== undefined));
  logger.appendKeys(defined);
}
