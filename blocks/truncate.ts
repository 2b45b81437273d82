import { escapeMrkdwn } from './mrkdwn';

const ELLIPSIS = '…';

/** Cuts plain text to `max` characters (code points never split), ending with `…` when cut. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max && text.length <= max) return text;
  let out = '';
  for (const char of chars) {
    if (out.length + char.length > max - ELLIPSIS.length) break;
    out += char;
  }
  return out + ELLIPSIS;
}

/**
 * The longest start of raw text whose escaped form, with `suffix`, is at most `max` characters; `raw` itself when
 * its escaped form fits. Still raw: for callers that escape later (`mrkdwnLink` escapes its label). The cut is made
 * on the raw text, so an entity such as `&amp;` is never split.
 */
export function cutForEscaping(raw: string, max: number, suffix = ELLIPSIS): string {
  if (escapeMrkdwn(raw).length <= max) return raw;
  const budget = max - suffix.length;
  let out = '';
  let length = 0;
  for (const char of Array.from(raw)) {
    const piece = escapeMrkdwn(char).length;
    if (length + piece > budget) break;
    out += char;
    length += piece;
  }
  return out + suffix;
}

/**
 * Escapes raw text for mrkdwn and cuts it so the escaped result is at most `max` characters; `suffix` (already
 * mrkdwn) is appended when cut.
 */
export function escapeAndTruncate(raw: string, max: number, suffix = ELLIPSIS): string {
  const escaped = escapeMrkdwn(raw);
  if (escaped.length <= max) return escaped;
  return escapeMrkdwn(cutForEscaping(raw, max - suffix.length, '')) + suffix;
}

export function moreText(hidden: number, noun = ''): string {
  return `…and ${hidden} more${noun ? ` ${noun}` : ''}`;
}

/**
 * Keeps a list inside a limit: all items when they fit, otherwise the first `max - 1` and one item built by
 * `more(hiddenCount)` (e.g. a context block saying "…and 12 more").
 */
export function limitItems<T>(items: readonly T[], max: number, more: (hidden: number) => T): T[] {
  if (items.length <= max) return [...items];
  const kept = items.slice(0, Math.max(0, max - 1));
  return [...kept, more(items.length - kept.length)];
}

/**
 * Joins lines into one text of at most `max` characters and at most `maxLines` lines: whole lines only, then
 * `…and N more` counting every line left out, so a reader knows the real total. Lines are expected to be mrkdwn
 * already (escaped); a single line too long to fit is cut outside any entity (`&amp;`) or `<…>` token so the cut
 * never produces broken mrkdwn.
 */
export function joinLinesWithin(
  lines: readonly string[],
  max: number,
  noun = '',
  maxLines = lines.length,
): string {
  const whole = lines.join('\n');
  if (lines.length <= maxLines && whole.length <= max) return whole;
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.slice(0, maxLines).entries()) {
    const hiddenAfter = lines.length - index - 1;
    const reserve = hiddenAfter > 0 ? moreText(hiddenAfter, noun).length + 1 : 0;
    const next = length + (kept.length > 0 ? 1 : 0) + line.length;
    if (next + reserve > max) break;
    kept.push(line);
    length = next;
  }
  if (kept.length === 0) {
    const rest = lines.length - 1;
    const tail = rest > 0 ? `\n${moreText(rest, noun)}` : '';
    if (tail.length >= max - ELLIPSIS.length) return truncateText(moreText(lines.length, noun), max);
    return cutMrkdwn(lines[0] ?? '', max - tail.length) + tail;
  }
  return [...kept, moreText(lines.length - kept.length, noun)].join('\n');
}

/** Cuts mrkdwn to `max` characters ending in `…`, backing off so no entity or `<…>` token is left open. */
export function cutMrkdwn(mrkdwn: string, max: number): string {
  const cut = truncateText(mrkdwn, max);
  if (cut === mrkdwn) return cut;
  let kept = cut.slice(0, -ELLIPSIS.length);
  const openToken = kept.lastIndexOf('<');
  if (openToken > kept.lastIndexOf('>')) kept = kept.slice(0, openToken);
  kept = kept.replace(/&[a-z]*$/i, '');
  return kept + ELLIPSIS;
}

/** Inline code of raw text, escaped and cut so the whole span (backticks included) is at most `max` characters. */
export function inlineCodeWithin(raw: string, max: number): string {
  return `\`${escapeAndTruncate(raw, max - 2).replace(/`/g, 'ˋ')}\``;
}
