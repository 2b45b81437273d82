import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ackPromisesMore } from './ack-promises-more';
import { devPorts, LOCAL_SIGNING_SECRET } from './dev-env';
import { postAsSlack, slackSignatureHeaders, slashCommandBody } from './sign-slack-request';

const WAIT_FOR_WORKER_MS = 60_000;

/**
 * `npm run slack -- /aws-whoami staging`: plays Slack against the local bot. Signs the command like Slack does,
 * prints the ack and, when the ack says the work goes on, the worker's answer at a loopback response_url
 * (up to 60 s). An ack that is the whole answer (/aws-help, a usage error) ends it at once.
 */
async function main(): Promise<void> {
  const [first, ...words] = process.argv.slice(2);
  const command = first ?? '';
  const url = process.env.SLACK_EVENTS_URL ?? `http://localhost:${devPorts(process.env).http}/slack/events`;
  const secret = process.env.SLACK_SIGNING_SECRET || LOCAL_SIGNING_SECRET;
  if (command === 'home') return openHome(url, secret, words[0] ?? 'U0LOCAL01');
  if (!command.startsWith('/')) {
    console.error(
      'usage: npm run slack -- /aws-<command> [text…] | home [user id]   (bot URL: SLACK_EVENTS_URL, default :3000)',
    );
    process.exit(2);
  }

  let answered: () => void = () => undefined;
  const workerAnswer = new Promise<void>((resolve) => (answered = resolve));
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.end('{"ok":true}');
      console.log(`\n── response_url received:\n${JSON.stringify(JSON.parse(body), null, 2)}`);
      answered();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const body = slashCommandBody({
    command,
    text: words.join(' '),
    responseUrl: `http://127.0.0.1:${port}/response`,
  });
  const response = await postAsSlack(url, body, secret);
  const text = await response.text();
  const ack: unknown = text ? JSON.parse(text) : undefined;
  console.log(`── ack ${response.status}:\n${ack === undefined ? '(empty)' : JSON.stringify(ack, null, 2)}`);
  if (response.ok && ackPromisesMore(ack)) {
    const timeout = new Promise<void>((resolve) =>
      setTimeout(() => {
        console.log(`(no response_url answer within ${WAIT_FOR_WORKER_MS / 1000} s)`);
        resolve();
      }, WAIT_FOR_WORKER_MS).unref(),
    );
    await Promise.race([workerAnswer, timeout]);
  }
  server.closeAllConnections();
  server.close();
}

/** `npm run slack -- home [user]`: the Events API callback Slack sends when that person opens the Home tab. */
async function openHome(url: string, secret: string, user: string): Promise<void> {
  const body = JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0LOCAL01',
    api_app_id: 'A0LOCAL01',
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'app_home_opened',
      user,
      channel: 'D0LOCAL01',
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
    },
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...slackSignatureHeaders(body, secret) },
    body,
  });
  console.log(
    `── app_home_opened for ${user}: ${response.status} (the view is printed by the bot without SLACK_BOT_TOKEN)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
