/**
 * Slack mrkdwn helpers. Every string that came from AWS or from a person goes through `escapeMrkdwn`
 * before it is placed in mrkdwn text: `&`, `<` and `>` are the only characters Slack asks to escape, and
 * escaping them is what stops `<!channel>` or `<https://evil|click>` from being injected.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<url|label>` with the label escaped; a URL with characters that would break the link is percent-encoded. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** Inline code: escaped, and backticks replaced so the span cannot be closed early. */
export function inlineCode(text: string): string {
  return `\`${escapeMrkdwn(text).replace(/`/g, 'ˋ')}\``;
}

/** `<!date^…>`: rendered in each reader's time zone, with a plain fallback for clients that cannot. */
export function slackDate(date: Date, format = '{date_short_pretty} {time}'): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^${format}|${date.toISOString().replace('T', ' ').slice(0, 16)} UTC>`;
}

export function mentionUser(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** Slack's link to a message (`https://slack.com/archives/C…/p…` redirects to the workspace's own domain). */
export function slackMessageLink(channelId: string, ts: string): string {
  return `https://slack.com/archives/${channelId}/p${ts.replace('.', '')}`;
}
