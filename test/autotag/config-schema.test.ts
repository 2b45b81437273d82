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

  it.each([
    ['autotag:\n  tagKeys:\n    owner: "aws:owner"\n', 'autotag.tagKeys.owner: must not start with aws:'],
    ['autotag:\n  events: [TerminateInstances]\n', 'autotag.events[0]'],
    ['autotag:\n  people:\n    alice: alice\n', 'autotag.people.alice: must be a Slack user id'],
  ])('names the field of a mistake: %j', (section, problem) => {
    expect(() => parseConfig(`${BASE}${section}`, 'test')).toThrow(
      expect.objectContaining({ problems: expect.arrayContaining([expect.stringContaining(problem)]) }),
    );
  });
});
