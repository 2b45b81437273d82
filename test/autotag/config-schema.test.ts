import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config';

const BASE = 'slack:\n  defaultChannel: C0ALERTS01\n';

describe('autotag config section', () => {
  it('is optional and defaults to tagging every supported call, announcing launches', () => {
    const config = parseConfig(BASE, 'test');

    expect(config.autotag.events).toContain('RunInstances');
    expect(config.autotag.notifyOn).toEqual(['RunInstances']);
    expect(config.autotag.tagKeys.owner).toBe('Owner');
    expect(config.autotag.dryRun).toBe(false);
  });

  it('accepts any resource type of the table in events and notifyOn, and bounds the not-ready back-off', () => {
    const config = parseConfig(
      `${BASE}autotag:\n  notifyOn: [RunInstances, "rds:db", "eks:nodegroup"]\n`,
      'test',
    );

    expect(config.autotag.notifyOn).toEqual(['RunInstances', 'rds:db', 'eks:nodegroup']);
    expect(config.autotag.events).toEqual(expect.arrayContaining(['CreateVolume', 's3:bucket', 'kms:key']));
    expect(config.autotag.notReadyDelaysSeconds.reduce((a, b) => a + b, 0)).toBe(900);
  });

  it.each([
    ['autotag:\n  notifyOn: ["rds:dbx"]\n', 'autotag.notifyOn[0]'],
    [
      'autotag:\n  notReadyDelaysSeconds: [600, 600]\n',
      'autotag.notReadyDelaysSeconds: must add up to at most 900',
    ],
    ['autotag:\n  tagKeys:\n    owner: "aws:owner"\n', 'autotag.tagKeys.owner: must not start with aws:'],
    ['autotag:\n  events: [TerminateInstances]\n', 'autotag.events[0]'],
    ['autotag:\n  people:\n    alice: alice\n', 'autotag.people.alice: must be a Slack user id'],
  ])('names the field of a mistake: %j', (section, problem) => {
    expect(() => parseConfig(`${BASE}${section}`, 'test')).toThrow(
      expect.objectContaining({ problems: expect.arrayContaining([expect.stringContaining(problem)]) }),
    );
  });
});
