/**
 * Characters that show nothing (zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates,
 * soft hyphens, variation selectors, Hangul fillers, control characters other than white space). Pasted into a command they change what
 * it means without being seen, and echoed back they can reorder the reply, so they are dropped before parsing.
 */
const INVISIBLE = /\p{Cf}|\p{Cc}|\u034f|[\u115f\u1160\u3164\uffa0]|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/gu;

/**
 * The text of a slash command as the person typed it: Slack's escaping (`&amp;` `&lt;` `&gt;`, applied once to
 * every command text) decoded, invisible characters dropped, white space kept as typed.
 */
export function commandText(text: string): string {
  return text
    .replace(INVISIBLE, (character) => (/\s/.test(character) ? character : ''))
    .replace(/&(amp|lt|gt);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>' })[name] ?? '');
}

/**
 * The words after a command, for every command: {@link commandText}, then split on white space; double quotes
 * (straight or curly, as Slack clients type them) keep words with spaces together (`''` → `[]`).
 */
export function commandWords(text: string): string[] {
  const words: string[] = [];
  for (const match of commandText(text).matchAll(/[“”"]([^“”"]*)[“”"]|(\S+)/g)) {
    words.push(match[1] ?? match[2] ?? '');
  }
  return words;
}
