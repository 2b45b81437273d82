/**
 * Characters that show nothing (zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates,
 * soft hyphens, variation selectors, Hangul fillers, control characters other than white space). Pasted into a
 * command they change what it means without being seen, and echoed back they can reorder the reply, so they are
 * dropped before parsing — unless they are part of what is visible (see {@link partOfVisibleText}).
 */
const INVISIBLE = /\p{Cf}|\p{Cc}|\u034f|[\u115f\u1160\u3164\uffa0]|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/gu;

const EMOJI_BEFORE = /\p{Extended_Pictographic}[\u{1f3fb}-\u{1f3ff}\ufe0f]?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
const PRESENTABLE_BEFORE = /[\p{Emoji}\u{1f3f4}]$/u;
const TAGGED_FLAG_BEFORE = /\u{1f3f4}[\u{e0020}-\u{e007e}]*$/u;
/** A letter or mark of a script that joins (Arabic, Persian, Indic…), where ZWNJ / ZWJ change the shape. */
const JOINING_LETTER_BEFORE = /[\p{L}\p{M}]$/u;
const JOINING_LETTER_AFTER = /^[\p{L}\p{M}]/u;
const LATIN_OR_COMMON = /\p{Script=Latin}|\p{Script=Common}|\p{Script=Inherited}/u;

/**
 * Invisible characters that belong to visible text and so are kept: the joiner inside an emoji sequence (👨‍👩‍👧),
 * the emoji/text presentation selector after an emoji or keycap base (❤️, 1️⃣), the tags of a subdivision flag
 * (🏴 Scotland), and ZWNJ / ZWJ between letters of a non-Latin script (Persian می‌خواهم). Dropping them would
 * change a key or a name the person typed (an S3 key with ❤️ would not be found).
 */
function partOfVisibleText(character: string, text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 16), at);
  const after = text.slice(at + character.length, at + character.length + 2);
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x200d && EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after)) return true;
  if ((code === 0xfe0f || code === 0xfe0e) && PRESENTABLE_BEFORE.test(before)) return true;
  if (code >= 0xe0020 && code <= 0xe007f && TAGGED_FLAG_BEFORE.test(before)) return true;
  if (code === 0x200c || code === 0x200d) {
    const last = [...before].at(-1) ?? '';
    const next = [...after][0] ?? '';
    return (
      JOINING_LETTER_BEFORE.test(last) &&
      JOINING_LETTER_AFTER.test(next) &&
      !LATIN_OR_COMMON.test(last) &&
      !LATIN_OR_COMMON.test(next)
    );
  }
  return false;
}

/**
 * The text of a slash command as the person typed it: Slack's escaping (`&amp;` `&lt;` `&gt;`, applied once to
 * every command text) decoded, invisible characters dropped, white space kept as typed.
 */
export function commandText(text: string): string {
  return text
    .replace(INVISIBLE, (character: string, at: number, whole: string) =>
      /\s/.test(character) || partOfVisibleText(character, whole, at) ? character : '',
    )
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
