import { resolve } from 'node:path';
import { RegoEngine, TemplateFile } from '@aws/cloudformation-validate';
import { describe, expect, it } from 'vitest';

describe('infra/bucket-role.yaml', () => {
  it('validates with no errors or fatal findings', () => {
    const engine = new RegoEngine();
    try {
      const report = engine.validateStandard(
        new TemplateFile(resolve(__dirname, '../../infra/bucket-role.yaml')),
      );
      const errors = report.diagnostics
        .filter((d) => !['info', 'warning', 'warn'].includes(String(d.severity).toLowerCase()))
        .map((d) => `${d.ruleId}: ${d.message}`);

      expect(errors).toEqual([]);
    } finally {
      engine.free();
    }
  });
});
