import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config';

const base = 'slack: { defaultChannel: C0ALERTS01 }\n';

describe('buckets config section', () => {
  it('is optional: read-only subcommands open to everyone, mutating ones to admins only, no patterns', () => {
    const config = parseConfig(base, 'test');

    expect(config.buckets.allow.ls).toBe('everyone');
    expect(config.buckets.allow.create).toEqual({ users: [], userGroups: [] });
    expect(config.buckets.namePatterns).toEqual({});
    expect(config.buckets.maxConvertSize).toBe(20 * 1024 * 1024);
  });

  it.each([
    ['20 MB', 20 * 1024 * 1024],
    ['512 kb', 512 * 1024],
    ['1048576', 1048576],
  ])('reads the size %s as %d bytes', (size, bytes) => {
    const config = parseConfig(`${base}buckets: { maxUploadSize: "${size}" }`, 'test');

    expect(config.buckets.maxUploadSize).toBe(bytes);
  });

  it.each([
    ['buckets: { maxConvertSize: "2 GB" }', 'buckets.maxConvertSize'],
    ['buckets: { maxConvertSize: "300 MB" }', 'buckets.maxConvertSize: must be between'],
    ['buckets: { namePatterns: { staging: ["Team_*"] } }', 'buckets.namePatterns.staging[0]'],
    ['buckets: { allow: { create: anyone } }', 'buckets.allow.create'],
    ['buckets: { allow: { delete: everyone } }', 'buckets.allow'],
  ])('names the field of a bad value: %s', (yaml, field) => {
    expect(() => parseConfig(`${base}${yaml}`, 'test')).toThrow(field);
  });
});
