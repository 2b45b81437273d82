import { pipeline, Readable } from 'node:stream';
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

/** Filled in while the JSON stream is read: final once the stream has ended. */
export interface CsvJsonStats {
  rows: number;
  columns: string[];
  jsonBytes: number;
}

export interface CsvJsonStream {
  /** A JSON array with one object per row, keyed by the header row, as UTF-8 chunks. */
  json: Readable;
  stats: CsvJsonStats;
}

/** JSON text is handed on in chunks of about this many characters (one row may make a chunk larger). */
const CHUNK_CHARS = 64 * 1024;
/** One row may hold at most this many characters; a larger one is refused rather than held in memory. */
export const MAX_ROW_CHARS = 8 * 1024 * 1024;

/**
 * Streams CSV text (chunks of bytes or strings) into JSON text. The first row is the header; quoted fields may
 * hold commas, quotes (`""`) and line breaks; a UTF-8 byte order mark is dropped. Only the row being converted
 * and one chunk of JSON are held at a time, so memory does not grow with the file (2,000 empty columns make
 * ~100× more JSON than CSV). A CSV problem ends the JSON stream with a CsvConversionError.
 */
export function csvToJsonStream(source: AsyncIterable<Uint8Array | string>): CsvJsonStream {
  const stats: CsvJsonStats = { rows: 0, columns: [], jsonBytes: 0 };
  const parser = parse({ bom: true, skip_empty_lines: true, max_record_size: MAX_ROW_CHARS });
  const input = source instanceof Readable ? source : Readable.from(source);
  // An error on either side destroys both, so it reaches the loop below; it is reported there.
  pipeline(input, parser, () => undefined);
  const json = Readable.from(jsonChunks(parser, stats), { objectMode: false });
  json.on('close', () => {
    if (!parser.destroyed) parser.destroy();
    if (!input.destroyed) input.destroy();
  });
  return { json, stats };
}

async function* jsonChunks(records: AsyncIterable<string[]>, stats: CsvJsonStats): AsyncGenerator<Buffer> {
  let keys: string[] | undefined;
  let text = '[';
  const emit = (chunk: string): Buffer => {
    const bytes = Buffer.from(chunk, 'utf8');
    stats.jsonBytes += bytes.length;
    return bytes;
  };
  try {
    for await (const record of records) {
      if (!keys) {
        stats.columns = headerRow(record);
        keys = stats.columns.map((name) => JSON.stringify(name));
        continue;
      }
      text += stats.rows === 0 ? '\n  {' : ',\n  {';
      for (let i = 0; i < keys.length; i += 1) {
        text += `${i === 0 ? '' : ','}${keys[i]}:${JSON.stringify(record[i] ?? '')}`;
      }
      text += '}';
      stats.rows += 1;
      if (text.length >= CHUNK_CHARS) {
        yield emit(text);
        text = '';
      }
    }
  } catch (error) {
    throw asConversionError(error);
  }
  yield emit(`${text}${stats.rows === 0 ? ']\n' : '\n]\n'}`);
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

function asConversionError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = (error as CsvError & { lines?: number }).lines;
  return new CsvConversionError(describeCsvError(error, line), line, { cause: error });
}

function describeCsvError(error: CsvError, line: number | undefined): string {
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
    case 'CSV_MAX_RECORD_SIZE':
      return `A row is longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters${where}.`;
    default:
      return `The CSV cannot be read${where}: ${error.message}`;
  }
}
