/** The text of a CloudFormation SNS notification could not be read as `Key='value'` lines. */
export class CloudFormationMessageError extends Error {
  override readonly name = 'CloudFormationMessageError';
  constructor(
    message: string,
    /** Character offset in the text where reading stopped. */
    readonly offset: number,
  ) {
    super(`${message} (at character ${offset})`);
  }
}

/** CloudFormation's keys are PascalCase; `name='x'` lines inside a reason (Python, shell) do not start a field. */
const KEY = /[A-Z][A-Za-z0-9_]*/y;
const NEXT_FIELD = /(?:\r?\n)+[A-Z][A-Za-z0-9_]*='/y;
const END = /\s*$/y;

/**
 * Reads CloudFormation's notification text: one `Key='value'` per line. Values are not escaped by CloudFormation,
 * so a value may hold `=`, quotes and newlines (ResourceProperties is often multi-line JSON, reasons quote names);
 * a value ends at the first `'` that is followed by a line starting `OtherKey='` (capitalised), or by the end of the
 * text.
 * Every key is kept, known or not; a repeated key keeps its first value.
 */
export function parseCloudFormationMessage(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let at = skipBlankLines(text, 0);
  if (at >= text.length) throw new CloudFormationMessageError('empty message', at);
  while (at < text.length) {
    KEY.lastIndex = at;
    const key = KEY.exec(text)?.[0];
    if (key === undefined || text.slice(at + key.length, at + key.length + 2) !== "='") {
      throw new CloudFormationMessageError(
        `expected Key='value', found ${JSON.stringify(text.slice(at, at + 20))}`,
        at,
      );
    }
    const valueStart = at + key.length + 2;
    const valueEnd = closingQuote(text, valueStart);
    if (valueEnd === -1)
      throw new CloudFormationMessageError(`value of ${key} has no closing quote`, valueStart);
    if (!(key in fields)) fields[key] = text.slice(valueStart, valueEnd);
    at = skipBlankLines(text, valueEnd + 1);
  }
  return fields;
}

function closingQuote(text: string, from: number): number {
  for (let quote = text.indexOf("'", from); quote !== -1; quote = text.indexOf("'", quote + 1)) {
    NEXT_FIELD.lastIndex = quote + 1;
    if (NEXT_FIELD.test(text)) return quote;
    END.lastIndex = quote + 1;
    if (END.test(text)) return quote;
  }
  return -1;
}

function skipBlankLines(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text.charAt(at))) at += 1;
  return at;
}
