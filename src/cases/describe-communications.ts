import {
  type Communication,
  DescribeCommunicationsCommand,
  type SupportClient,
} from '@aws-sdk/client-support';

/** A case with years of back-and-forth stops here; the modal shows the newest and says the rest are in the console. */
const MAX_COMMUNICATIONS = 500;

/**
 * Every communication of one case, newest first (as Support answers them), following `nextToken` to the last page
 * or `max` (MAX_COMMUNICATIONS); a token seen before ends the paging (it would loop).
 */
export async function describeCommunications(
  support: Pick<SupportClient, 'send'>,
  caseId: string,
  max = MAX_COMMUNICATIONS,
): Promise<{ communications: Communication[]; complete: boolean }> {
  const communications: Communication[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await support.send(
      new DescribeCommunicationsCommand({ caseId, maxResults: Math.min(100, Math.max(10, max)), nextToken }),
    );
    communications.push(...(page.communications ?? []));
    nextToken = page.nextToken || undefined;
    if (nextToken !== undefined && seen.has(nextToken)) break;
    if (nextToken !== undefined) seen.add(nextToken);
  } while (nextToken !== undefined && communications.length < max);
  return { communications: communications.slice(0, max), complete: nextToken === undefined };
}
