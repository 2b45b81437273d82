import {
  type Communication,
  DescribeCommunicationsCommand,
  type SupportClient,
} from '@aws-sdk/client-support';

/** A case with years of back-and-forth stops here; the modal shows the newest and says the rest are in the console. */
const MAX_COMMUNICATIONS = 500;

/**
 * Every communication of one case, newest first (as Support answers them), following `nextToken` to the last page
 * or MAX_COMMUNICATIONS; a token seen before ends the paging (it would loop).
 */
export async function describeCommunications(
  support: Pick<SupportClient, 'send'>,
  caseId: string,
): Promise<{ communications: Communication[]; complete: boolean }> {
  const communications: Communication[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await support.send(
      new DescribeCommunicationsCommand({ caseId, maxResults: 100, nextToken }),
    );
    communications.push(...(page.communications ?? []));
    nextToken = page.nextToken || undefined;
    if (nextToken !== undefined && seen.has(nextToken)) break;
    if (nextToken !== undefined) seen.add(nextToken);
  } while (nextToken !== undefined && communications.length < MAX_COMMUNICATIONS);
  return { communications: communications.slice(0, MAX_COMMUNICATIONS), complete: nextToken === undefined };
}
