import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { logger } from '../../lambda/logger';

/** Bolt's log lines go through the one structured logger. */
export function boltLogger(): BoltLogger {
  let level = LogLevel.INFO;
  const join = (parts: unknown[]) =>
    parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts) => logger.debug(join(parts), { source: 'bolt' }),
    info: (...parts) => logger.info(join(parts), { source: 'bolt' }),
    warn: (...parts) => logger.warn(join(parts), { source: 'bolt' }),
    error: (...parts) => logger.error(join(parts), { source: 'bolt' }),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
