import type { SlackReply } from '../../../blocks/message';
import { noticeReply } from '../../../blocks/notice';
import { type CaseReportDeps, casesReportReply, prepareCasesReport } from '../../cases/case-report';
import { progressUpdates } from '../../cases/progress-updates';
import { logger } from '../../logging/logger';
import type { JobOfKind } from '../job';
import type { WorkerDeps } from '../worker-deps';

/** Long runs show progress no sooner than this, and at most twice (response_url takes 5 posts). */
const PROGRESS = { intervalMs: 8000, maxUpdates: 2 };

export function caseReportDeps(deps: WorkerDeps): CaseReportDeps {
  return {
    cases: deps.config.cases,
    configuredAccounts: deps.config.accounts,
    accounts: deps.accounts,
    credentials: deps.credentials,
    supportWith: deps.supportWith,
    organizations: deps.organizations,
    now: deps.now,
    loadChartRenderer: deps.loadChartRenderer,
  };
}

/**
 * `/aws-cases`: collect, then answer. Ephemeral (default): the CSV and chart go to the person's DM with the bot
 * and the report replaces the "collecting…" line. `public`: the report is posted in the channel through the
 * response_url, the files follow in the channel, and the "collecting…" line becomes a short confirmation.
 */
export async function runCases(job: JobOfKind<'cases'>, deps: WorkerDeps): Promise<SlackReply> {
  const { query, reply } = job;
  const progress = progressUpdates(
    (text) => deps.respond(reply.responseUrl, noticeReply('working', text), { replaceOriginal: true }),
    PROGRESS,
  );
  const prepared = await prepareCasesReport(query, caseReportDeps(deps), undefined, progress.listener);
  await progress.settled();
  const tableRows = deps.config.cases.tableRows;

  if (!query.public) {
    const filesNote = await upload(
      () => deps.sink.uploadFiles(reply.userId, prepared.files),
      'in your DM with the bot',
    );
    return casesReportReply(prepared, { tableRows, filesNote, responseType: 'ephemeral' });
  }
  const filesNote = 'CSV and chart follow in this channel';
  await deps.respond(
    reply.responseUrl,
    casesReportReply(prepared, { tableRows, filesNote, responseType: 'in_channel' }),
  );
  const uploaded = await upload(
    () =>
      deps.sink.uploadFiles(reply.channelId, prepared.files, {
        comment: 'Files for the support case report above',
      }),
    'in this channel',
  );
  return noticeReply('ok', `Posted the support case report in the channel. ${uploaded}.`);
}

/** Uploads and says where the files are, or why they are not there (the report goes out either way). */
async function upload(send: () => Promise<string>, where: string): Promise<string> {
  try {
    await send();
    return `CSV and chart: ${where}`;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    logger.warn('case report files not uploaded', { error });
    return `CSV and chart could not be shared (${code}); invite the bot to the channel or run without public`;
  }
}
