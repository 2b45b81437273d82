import { noticeReply } from '../../blocks/notice';
import { logger } from '../lambda/logger';
import type { CasesJob } from './cases-job';
import { BOT_WORKSPACE, sendWithNativeFallback } from './native-blocks';
import {
  casesReportReply,
  prepareCasesReport,
  reportFiles,
  reportFilesLabel,
  uploadErrorCode,
} from './prepare-report';
import { progressUpdates } from './progress-updates';
import { type CasesJobDeps, caseReportDeps } from './run-cases-job-deps';
import { runCasesCoverage } from './run-coverage-job';

export { type CasesJobDeps, caseReportDeps } from './run-cases-job-deps';

/**
 * Long runs show progress no sooner than this, and at most twice, once when the report may go native (response_url
 * takes 5 posts in 30 minutes, and a refused native report costs one more).
 */
const PROGRESS_INTERVAL_MS = 8000;

/**
 * `/aws-cases`: collect, answer, then share the files (the report does not wait for the chart). Ephemeral (the
 * default): the report replaces the "collecting…" line and the CSV and chart go to the person's DM with the bot.
 * `public`: the report is posted in the channel, the "collecting…" line becomes a confirmation, and the files
 * follow in the channel. response_url posts: progress (2, or 1 with native blocks on) + the report (1, or 2 when
 * Slack refuses the native form and it is sent again as text) + 1 confirmation when public + 1 if the files fail
 * ≤ 5.
 */
export async function runCases(job: CasesJob, deps: CasesJobDeps): Promise<undefined> {
  if (job.query.coverage) return runCasesCoverage(job, deps);
  const { query, reply } = job;
  const respond = deps.respond.bind(null, reply.responseUrl);
  const progress = progressUpdates(
    (text) => respond(noticeReply('working', text), { replaceOriginal: true }),
    { intervalMs: PROGRESS_INTERVAL_MS, maxUpdates: deps.config.cases.nativeBlocks ? 1 : 2 },
  );
  const prepared = await prepareCasesReport(query, caseReportDeps(deps), progress.listener);
  await progress.settled();
  const tableRows = deps.config.cases.tableRows;
  const files = reportFilesLabel(prepared);

  const fallback = {
    enabled: deps.config.cases.nativeBlocks,
    workspace: BOT_WORKSPACE,
    memory: deps.nativeBlocks,
  };
  if (query.public) {
    const filesNote = `${files} in this channel, below`;
    await sendWithNativeFallback(
      (native) =>
        respond(casesReportReply(prepared, { tableRows, filesNote, responseType: 'in_channel', native })),
      fallback,
    );
    await respond(noticeReply('ok', 'Posted the support case report in the channel.'), {
      replaceOriginal: true,
    });
  } else {
    const filesNote = `${files} in your DM with the bot`;
    await sendWithNativeFallback(
      (native) =>
        respond(casesReportReply(prepared, { tableRows, filesNote, responseType: 'ephemeral', native }), {
          replaceOriginal: true,
        }),
      fallback,
    );
  }
  try {
    const comment = query.public ? 'Files for the support case report above' : undefined;
    const target = query.public ? reply.channelId : reply.userId;
    await deps.sink.uploadFiles(target, await reportFiles(prepared), { comment });
  } catch (error) {
    logger.warn('case report files not shared', { error });
    const hint = query.public
      ? 'Invite the bot to the channel, or run without public to get them in a DM.'
      : '';
    await respond(
      noticeReply('problem', `The ${files} could not be shared (${uploadErrorCode(error)}).`, hint),
    );
  }
  return undefined;
}
