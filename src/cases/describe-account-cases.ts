import { DescribeCasesCommand, type SupportClient } from '@aws-sdk/client-support';
import { type CaseRecord, caseRecordOf } from './case-record';

/** How far the paging of one account got: a call that fails (throttling) is made again from here. */
export interface CasePages {
  cases: CaseRecord[];
  nextToken: string | undefined;
  seenTokens: Set<string>;
  done: boolean;
}

export function firstCasePage(): CasePages {
  return { cases: [], nextToken: undefined, seenTokens: new Set(), done: false };
}

/**
 * Every support case of one account created after `afterTime`, following `nextToken` to the last page. The pages
 * read so far stay in `pages`, so calling again after a failed call continues with the page that failed.
 * Communications are left out (the report does not show them and they make pages heavy). No `language`: given,
 * it keeps only the cases opened in that language (a Japanese or Korean case would be missed); left out, Support
 * answers the cases of every language.
 */
export async function describeAccountCases(
  support: SupportClient,
  account: { id: string; name: string | undefined },
  options: { afterTime: Date; includeResolvedCases: boolean },
  pages: CasePages = firstCasePage(),
): Promise<CaseRecord[]> {
  while (!pages.done) {
    const page = await support.send(
      new DescribeCasesCommand({
        afterTime: options.afterTime.toISOString(),
        includeResolvedCases: options.includeResolvedCases,
        includeCommunications: false,
        maxResults: 100,
        nextToken: pages.nextToken,
      }),
    );
    for (const details of page.cases ?? []) pages.cases.push(caseRecordOf(details, account));
    const nextToken = page.nextToken || undefined;
    // A token seen before would loop forever; the cases of that page are already counted.
    pages.done = nextToken === undefined || pages.seenTokens.has(nextToken);
    if (nextToken !== undefined) pages.seenTokens.add(nextToken);
    pages.nextToken = nextToken;
  }
  return pages.cases;
}
