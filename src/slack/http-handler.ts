import serverlessExpress from '@vendia/serverless-express';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { logger } from '../logging/logger';
import { createSlackApp, type SlackAppOptions } from './create-app';

export type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

/** API Gateway (HTTP API) → Express → Bolt. */
export function createSlackHttpHandler(options: SlackAppOptions): HttpHandler {
  const { receiver } = createSlackApp(options);
  const handler = serverlessExpress({ app: receiver.app });
  return (event, context) => {
    logger.addContext(context);
    return handler(event, context, () => undefined) as Promise<APIGatewayProxyResultV2>;
  };
}
