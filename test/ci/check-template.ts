/**
 * CI gate: `node --import tsx test/ci/check-template.ts <template>…` fails when a template has an IAM statement
 * allowing every action, holds a secret value, allows sts:AssumeRole outside the organisation, or has a member
 * role that can be assumed without a generated ExternalId, or serves HTTP without throttling and reserved
 * concurrency (see template-checks.ts).
 */
import { readFileSync } from 'node:fs';
import { parseCloudFormation } from '../support/cloudformation-yaml';
import {
  findAssumeRoleOutsideOrganization,
  findOptionalExternalId,
  findSecrets,
  findUnthrottledPublicEndpoints,
  findWildcardActions,
} from './template-checks';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: check-template.ts <template.json|yaml>…');
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const template = parseCloudFormation(readFileSync(file, 'utf8'));
  const problems = [
    ...findWildcardActions(template),
    ...findSecrets(template),
    ...findAssumeRoleOutsideOrganization(template),
    ...findOptionalExternalId(template),
    ...findUnthrottledPublicEndpoints(template),
  ];
  if (problems.length > 0) failed = true;
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${file}: ${problems.length} problem(s)`);
  for (const problem of problems) console.log(`     ${problem}`);
}
process.exit(failed ? 1 : 0);
