import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRawBody(req)).toString('utf8');
}

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A loopback HTTP server on a free port. */
export async function startServer(
  handle: (req: IncomingMessage, body: string, res: ServerResponse, raw: Buffer) => Promise<void> | void,
): Promise<LocalServer> {
  const server = createServer((req, res) => {
    readRawBody(req)
      .then((raw) => handle(req, raw.toString('utf8'), res, raw))
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback stand-in of a web service: `start()` serves `handle` on a free port at `url`, `stop()` ends it. */
export abstract class LoopbackStandIn {
  private server: LocalServer | undefined;

  constructor(private readonly serviceName: string) {}

  get url(): string {
    if (!this.server) throw new Error(`${this.serviceName} stand-in not started`);
    return this.server.url;
  }

  protected abstract handle(
    req: IncomingMessage,
    body: string,
    res: ServerResponse,
    raw: Buffer,
  ): Promise<void> | void;

  async start(): Promise<this> {
    this.server = await startServer((req, body, res, raw) => this.handle(req, body, res, raw));
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}
