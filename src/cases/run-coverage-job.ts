import { casesCoverage } from '../../blocks/cases-coverage';
import { noticeReply } from '../../blocks/notice';
import { logger } from '../lambda/logger';
import { coverageCsv } from './cases-csv';
import type { CasesJob } from './cases-job';
import { prepareCasesReport, reportFailures, uploadErrorCode } from './prepare-report';
import { type CasesJobDeps, caseReportDeps } from './run-cases-job-deps';

/**
 * `/aws-cases coverage`: reads every target account as a report does (open cases only: the cheapest read that
 * proves the role and the plan), then answers how many can be read and every one that cannot, by cause with the
 * fix; the coverage CSV (every account, readable or not) goes to the DM, or with `public` to the channel.
 */
export async function runCasesCoverage(job: CasesJob, deps: CasesJobDeps): Promise<undefined> {
  const { reply } = job;
  const query = { ...job.query, status: 'open' as const };
  const respond = deps.respond.bind(null, reply.responseUrl);
  const prepared = await prepareCasesReport(query, caseReportDeps(deps));
  const { collection, targets, maxAttempts } = prepared;
  const responseType = query.public ? 'in_channel' : 'ephemeral';
  const where = query.public ? 'in this channel, below' : 'in your DM with the bot';
  await respond(
    casesCoverage({
      accountsTotal: collection.accountsTotal,
      failures: reportFailures(collection.failures, maxAttempts),
      role: deps.accounts.roleFor(targets[0]?.id ?? '', 'cases'),
      elapsedMs: collection.finishedAt.getTime() - collection.startedAt.getTime(),
      at: collection.finishedAt,
      filesNote: `Coverage CSV ${where}`,
      responseType,
    }),
    { replaceOriginal: !query.public },
  );
  try {
    const stamp = collection.finishedAt.toISOString().slice(0, 10);
    const file = {
      filename: `support-case-coverage-${stamp}.csv`,
      title: `Support case coverage (${collection.failures.length} of ${collection.accountsTotal} not read)`,
      content: coverageCsv(targets, collection.failures, maxAttempts),
    };
    await deps.sink.uploadFiles(query.public ? reply.channelId : reply.userId, [file]);
  } catch (error) {
    logger.warn('coverage CSV not shared', { error });
    await respond(
      noticeReply('problem', `The coverage CSV could not be shared (${uploadErrorCode(error)}).`),
    );
  }
  return undefined;
}
