import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, startServer } from '../../../src/local/http-server';
import { WebApiSink } from '../../../src/slack/api/slack-sink';
import { SlackStandIn } from '../../support/slack-stand-in';

/**
 * The calls the worker makes at the end of a job (chat.postMessage, chat.update, files.uploadV2) survive a reset
 * connection and a 503: Slack in front of the stand-in fails the first two attempts of every method.
 */
describe('Slack Web API calls at the end of a job are retried', () => {
  const slack = new SlackStandIn();
  let flaky: LocalServer;
  const attempts = new Map<string, number>();

  beforeAll(async () => {
    await slack.start();
    flaky = await startServer(async (req, body, res) => {
      const method = (req.url ?? '').split('?')[0] ?? '';
      const attempt = (attempts.get(method) ?? 0) + 1;
      attempts.set(method, attempt);
      if (attempt === 1) return void req.socket.destroy();
      if (attempt === 2) {
        res.statusCode = 503;
        return void res.end('upstream unavailable');
      }
      const answer = await fetch(`${slack.apiUrl}${method.replace(/^\/api\//, '')}`, {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type'] ?? ''), authorization: 'Bearer x' },
        body,
      });
      res.setHeader('content-type', 'application/json');
      res.end(await answer.text());
    });
  });
  afterAll(() => Promise.all([slack.stop(), flaky.close()]));

  const sink = () => new WebApiSink('xoxb-test', `${flaky.url}/api/`);

  it('posts and edits a message despite a reset connection and a 503', async () => {
    const posted = await sink().post('C0TEAM001', { text: 'Report ready', blocks: [] });
    await sink().update(posted, { text: 'Report ready (edited)', blocks: [] });

    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
    expect(slack.callsOf('chat.update')).toHaveLength(1);
    expect(attempts.get('/api/chat.postMessage')).toBe(3);
  }, 30_000);

  it('shares files despite a reset connection and a 503 on each step', async () => {
    await sink().uploadFiles('C0TEAM001', [{ filename: 'cases.csv', title: 'Cases', content: 'a,b\n1,2\n' }]);

    expect(slack.files.map((file) => [file.filename, file.channel])).toEqual([['cases.csv', 'C0TEAM001']]);
    expect(attempts.get('/api/files.completeUploadExternal')).toBe(3);
  }, 30_000);
});
