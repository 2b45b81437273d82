/** Slack's rule for signed requests: the timestamp may differ from the clock by at most five minutes. */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

/**
 * Why a request's `X-Slack-Request-Timestamp` is refused, or undefined when it is within five minutes of now in
 * either direction. Bolt only refuses old timestamps; a future-dated request (a replay signed ahead of time) must
 * be refused too. Missing or malformed timestamps are left to Bolt's signature check, which refuses them.
 */
export function requestTimestampProblem(
  headers: Readonly<Record<string, string | undefined>>,
  nowMs: number,
): string | undefined {
  const raw = headers['x-slack-request-timestamp'];
  if (raw === undefined) return undefined;
  const timestamp = Number(raw);
  if (!Number.isFinite(timestamp)) return undefined;
  const skew = timestamp - Math.floor(nowMs / 1000);
  if (Math.abs(skew) <= MAX_REQUEST_SKEW_SECONDS) return undefined;
  return skew > 0
    ? `request timestamp is ${skew} s in the future`
    : `request timestamp is ${-skew} s in the past`;
}
