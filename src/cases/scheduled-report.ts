import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import { windowHoursOf } from './case-query';
import { recordCasesHome } from './home-records';
import { BOT_WORKSPACE, type NativeBlocksMemory, sendWithNativeFallback } from './native-blocks';
import {
  type CaseReportDeps,
  casesReportReply,
  type PreparedReport,
  prepareCasesReport,
  reportFiles,
  reportFilesLabel,
  uploadErrorCode,
} from './prepare-report';

export interface ScheduledReportDeps {
  store: StateStore;
  sink: SlackSink;
  channel: string;
  report: CaseReportDeps;
  /** Workspaces that refused the native chart and table; absent: none remembered. */
  nativeBlocks?: NativeBlocksMemory;
}

/** EventBridge may deliver a scheduled event twice; the claim outlives every redelivery. */
const CLAIM_SECONDS = 2 * 24 * 60 * 60;

/**
 * The weekly report: the same collection and builders as `/aws-cases`, posted in the configured channel with
 * the CSV and chart in its thread. Runs once per schedule event (claimed by event id). If it fails before the
 * report is posted the claim is released and the error thrown, so Lambda retries; after posting, a failed file
 * upload is said in the thread instead of posting the report twice.
 */
export async function runScheduledCasesReport(
  eventId: string,
  deps: ScheduledReportDeps,
): Promise<'posted' | 'duplicate'> {
  const key = `cases-schedule#${eventId}`;
  if (!(await deps.store.claim(key, CLAIM_SECONDS))) {
    logger.info('scheduled case report already run for this event', { eventId });
    return 'duplicate';
  }
  const { schedule, tableRows } = deps.report.cases;
  const query = {
    windowText: schedule.window,
    windowHours: windowHoursOf(schedule.window) ?? 7 * 24,
    status: 'all' as const,
    public: true,
  };
  let posted: Awaited<ReturnType<SlackSink['post']>>;
  let prepared: PreparedReport;
  try {
    prepared = await prepareCasesReport(query, deps.report);
    const filesNote = `${reportFilesLabel(prepared)} in the thread`;
    const report = prepared;
    posted = await sendWithNativeFallback(
      (native) =>
        deps.sink.post(
          deps.channel,
          casesReportReply(report, { tableRows, filesNote, responseType: 'in_channel', native }),
        ),
      { enabled: deps.report.cases.nativeBlocks, workspace: BOT_WORKSPACE, memory: deps.nativeBlocks },
    );
  } catch (error) {
    await deps.store.release(key).catch(() => undefined);
    throw error;
  }
  await recordCasesHome(deps.store, prepared);
  try {
    await deps.sink.uploadFiles(posted.channel, await reportFiles(prepared), { threadTs: posted.ts });
  } catch (error) {
    logger.warn('scheduled case report files not uploaded', { error });
    const text = `The ${reportFilesLabel(prepared)} could not be attached (${uploadErrorCode(error)}).`;
    await deps.sink
      .post(posted.channel, { text, blocks: [] }, { threadTs: posted.ts })
      .catch(() => undefined);
  }
  return 'posted';
}
