import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_SIGNING_SECRET } from './dev-env';
import { slackSignatureHeaders, slashCommandBody } from './sign-slack-request';

/**
 * `npm run slack -- /aws-whoami staging`: plays Slack against the local bot. Signs the command like Slack does,
 * prints the ack, and listens on a loopback response_url for the worker's answer (up to 60 s).
 */
async function main(): Promise<void> {
  const [first, ...words] = process.argv.slice(2);
  const command = first ?? '';
  if (!command.startsWith('/')) {
    console.error(
      'usage: npm run slack -- /aws-<command> [text…]   (bot URL: SLACK_EVENTS_URL, default :3000)',
    );
    process.exit(2);
  }
  const url = process.env.SLACK_EVENTS_URL ?? 'http://localhost:3000/slack/events';
  const secret = process.env.SLACK_SIGNING_SECRET ?? LOCAL_SIGNING_SECRET;

  const answered = new Promise<void>((resolve) => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        res.end('{"ok":true}');
        console.log(`\n── response_url received:\n${JSON.stringify(JSON.parse(body), null, 2)}`);
        server.close();
        resolve();
      });
    });
    server.listen(0, '127.0.0.1', () => void send(server.address() as AddressInfo));
    setTimeout(() => {
      console.log('(no response_url answer within 60 s)');
      server.close();
      resolve();
    }, 60_000).unref();
  });

  async function send(address: AddressInfo): Promise<void> {
    const body = slashCommandBody({
      command,
      text: words.join(' '),
      responseUrl: `http://127.0.0.1:${address.port}/response`,
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(body, secret),
      },
      body,
    });
    const text = await response.text();
    console.log(
      `── ack ${response.status}:\n${text ? JSON.stringify(JSON.parse(text), null, 2) : '(empty)'}`,
    );
  }
  await answered;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
