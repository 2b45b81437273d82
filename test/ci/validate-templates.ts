/**
 * CI gate: validates CloudFormation templates offline with @aws/cloudformation-validate (the package has no CLI,
 * this is one). `node --import tsx test/ci/validate-templates.ts <template>…` prints every ERROR and WARN
 * finding (INFO ones are counted) and exits 1 when any template has an error or could not be analysed.
 */
import { RegoEngine, type StandardDiagnostic, TemplateFile } from '@aws/cloudformation-validate';

const BLOCKING = new Set(['FATAL', 'ERROR']);
const SHOWN = new Set(['FATAL', 'ERROR', 'WARN']);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: validate-templates.ts <template.json|yaml>…');
  process.exit(2);
}

function describe(d: StandardDiagnostic): string {
  const where = [d.entity?.logicalId, d.propertyPath].filter(Boolean).join(' ');
  const line = d.startLine !== undefined ? `:${d.startLine}` : '';
  return `${d.severity.padEnd(5)} ${d.ruleId} ${where}${line}: ${d.message}`;
}

const engine = new RegoEngine();
let failed = false;
try {
  for (const file of files) {
    const report = engine.validateStandard(new TemplateFile(file));
    const count = (severities: Set<string>) =>
      report.diagnostics.filter((d) => severities.has(d.severity)).length;
    const errors = count(BLOCKING);
    const bad = errors > 0 || report.status !== 'OK';
    if (bad) failed = true;
    console.log(
      `${bad ? 'FAIL' : 'ok  '} ${file}: status ${report.status}, ${errors} error(s), ` +
        `${count(new Set(['WARN']))} warning(s), ${count(new Set(['INFO']))} info`,
    );
    for (const d of report.diagnostics.filter((d) => SHOWN.has(d.severity)))
      console.log(`     ${describe(d)}`);
  }
} finally {
  engine.free();
}
process.exit(failed ? 1 : 0);
