import { describe, expect, it } from 'vitest';
import { commandStartReply } from '../../blocks/job-start-reply';
import { CASES_DOC } from '../../src/cases/command-doc';

describe('commandStartReply', () => {
  it('acks a started job with the working line', () => {
    expect(commandStartReply({ status: 'started' }, 'Collecting…', CASES_DOC)?.text).toContain('Collecting…');
  });

  it('acks a Slack retry of a started request with nothing new', () => {
    expect(commandStartReply({ status: 'duplicate' }, 'Collecting…', CASES_DOC)).toBeUndefined();
  });

  it("answers a refused job with why and the command's usage", () => {
    const reply = commandStartReply(
      { status: 'refused', sentence: 'That cannot be started: query.service: too long.', problems: [] },
      'Collecting…',
      CASES_DOC,
    );
    expect(JSON.stringify(reply)).toContain('query.service: too long');
    expect(JSON.stringify(reply)).toContain('/aws-cases');
  });

  it('asks to try again when the worker could not be reached', () => {
    expect(commandStartReply({ status: 'failed' }, 'Collecting…', CASES_DOC)?.text).toMatch(/try again/);
  });
});
