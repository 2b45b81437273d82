import serverlessExpress from '@vendia/serverless-express';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { logger } from '../../lambda/logger';
import { createSlackApp, type SlackAppOptions } from './create-app';
import { requestTimestampProblem } from './request-timestamp';

export type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

/**
 * API Gateway (HTTP API) → Express → Bolt. A request whose timestamp is more than five minutes off (either way)
 * is refused with 401 before Bolt sees it; Bolt checks signatures and refuses stale ones.
 */
export function createSlackHttpHandler(options: SlackAppOptions & { now?: () => number }): HttpHandler {
  const { receiver } = createSlackApp(options);
  const handler = serverlessExpress({ app: receiver.app });
  const now = options.now ?? Date.now;
  return async (event, context) => {
    logger.addContext(context);
    const problem = requestTimestampProblem(lowerCaseKeys(event.headers ?? {}), now());
    if (problem) {
      logger.warn('Slack request refused', { reason: problem });
      return { statusCode: 401, body: '' };
    }
    return handler(event, context, () => undefined) as Promise<APIGatewayProxyResultV2>;
  };
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
