import { DescribeCasesCommand, type SupportClient } from '@aws-sdk/client-support';
import { type CaseRecord, caseRecordOf } from './case-record';

/**
 * Every support case of one account created after `afterTime`, following `nextToken` to the last page.
 * Communications are left out (the report does not show them and they make pages heavy). No `language`: given,
 * it keeps only the cases opened in that language (a Japanese or Korean case would be missed); left out, Support
 * answers the cases of every language.
 */
export async function describeAccountCases(
  support: SupportClient,
  account: { id: string; name: string | undefined },
  options: { afterTime: Date; includeResolvedCases: boolean },
): Promise<CaseRecord[]> {
  const cases: CaseRecord[] = [];
  let nextToken: string | undefined;
  const seenTokens = new Set<string>();
  do {
    const page = await support.send(
      new DescribeCasesCommand({
        afterTime: options.afterTime.toISOString(),
        includeResolvedCases: options.includeResolvedCases,
        includeCommunications: false,
        maxResults: 100,
        nextToken,
      }),
    );
    for (const details of page.cases ?? []) cases.push(caseRecordOf(details, account));
    nextToken = page.nextToken || undefined;
    // A token seen before would loop forever; the cases of that page are already counted.
    if (nextToken !== undefined && seenTokens.has(nextToken)) break;
    if (nextToken !== undefined) seenTokens.add(nextToken);
  } while (nextToken !== undefined);
  return cases;
}
