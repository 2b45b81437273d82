import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { type LocalServer, startServer } from '../../src/local/http-server';

type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** Serves a Lambda HTTP handler the way API Gateway's HTTP API (payload 2.0) calls it, over real HTTP. */
export function serveHttpApi(handler: HttpHandler): Promise<LocalServer> {
  return startServer(async (req, body, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey: `${req.method} ${url.pathname}`,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      requestContext: {
        accountId: '999999999999',
        apiId: 'local',
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: {
          method: req.method ?? 'POST',
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'test',
        },
        requestId: `req-${Date.now()}`,
        routeKey: `${req.method} ${url.pathname}`,
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
      },
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
    };
    const context = { awsRequestId: event.requestContext.requestId, functionName: 'slackHttp' } as Context;
    const result = await handler(event, context);
    const structured = typeof result === 'string' ? { statusCode: 200, body: result } : result;
    res.statusCode = structured.statusCode ?? 200;
    for (const [key, value] of Object.entries(structured.headers ?? {})) res.setHeader(key, String(value));
    const payload = structured.body ?? '';
    res.end(structured.isBase64Encoded ? Buffer.from(payload, 'base64') : payload);
  });
}
