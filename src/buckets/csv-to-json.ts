import { CsvError, parse } from 'csv-parse';

/** The CSV could not be read; `line` is where the parser stopped (1-based), when it knows. */
export class CsvConversionError extends Error {
  override readonly name = 'CsvConversionError';
  constructor(
    message: string,
    readonly line?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface CsvJson {
  /** A JSON array with one object per row, keyed by the header row. */
  json: string;
  rows: number;
  columns: string[];
}

/**
 * Streams CSV text (chunks of bytes or strings) into a JSON array of objects. The first row is the header;
 * quoted fields may hold commas, quotes (`""`) and line breaks; a UTF-8 byte order mark is dropped. Rows are
 * written out as they are parsed, so only the JSON text is held, never the parsed rows.
 */
export async function csvToJson(chunks: AsyncIterable<Uint8Array | string>): Promise<CsvJson> {
  let columns: string[] = [];
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      columns = headerRow(header);
      return columns;
    },
    skip_empty_lines: true,
  });
  const parts: string[] = ['['];
  let rows = 0;
  const feeding = (async () => {
    for await (const chunk of chunks) {
      if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
    }
    parser.end();
  })();
  feeding.catch((error: unknown) => parser.destroy(error as Error));
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      parts.push(`${rows === 0 ? '\n' : ',\n'}  ${JSON.stringify(record)}`);
      rows += 1;
    }
    await feeding;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new CsvConversionError(describeCsvError(error), line, { cause: error });
    }
    throw error;
  }
  parts.push(rows === 0 ? ']\n' : '\n]\n');
  return { json: parts.join(''), rows, columns };
}

function headerRow(header: string[]): string[] {
  const names = header.map((name) => name.trim());
  const blank = names.indexOf('');
  if (blank >= 0) throw new CsvConversionError(`Column ${blank + 1} of the header row has no name.`, 1);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new CsvConversionError(`The header row names "${name}" twice.`, 1);
    seen.add(name);
  }
  return names;
}

function describeCsvError(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line ? ` (line ${line})` : '';
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return `A row has a different number of fields than the header${where}.`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `A quoted field is never closed${where}.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `A quote inside a field is not doubled ("")${where}.`;
    default:
      return `The CSV cannot be read${where}: ${error.message}`;
  }
}
