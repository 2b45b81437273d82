import { describe, expect, it } from 'vitest';
import { CsvConversionError, csvToJsonStream } from '../../src/buckets/csv-to-json';
import cases from '../fixtures/buckets/csv-cases.json';

/** Feeds the text in small byte chunks, so quoted fields and multi-byte characters straddle chunk edges. */
async function* chunked(text: string, size = 7): AsyncIterable<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Reads the whole JSON stream; the stats are final once it has ended. */
async function csvToJson(source: AsyncIterable<Uint8Array>) {
  const { json, stats } = csvToJsonStream(source);
  const text = Buffer.concat(await json.toArray()).toString('utf8');
  return { json: text, ...stats };
}

describe('csvToJsonStream', () => {
  it.each(cases.converts)('converts $name', async ({ csv, rows }) => {
    const out = await csvToJson(chunked(csv));

    expect(JSON.parse(out.json)).toEqual(rows);
    expect(out.rows).toBe(rows.length);
  });

  it('reports the header columns even with no data rows', async () => {
    const out = await csvToJson(chunked('id,name\n'));

    expect(out.columns).toEqual(['id', 'name']);
  });

  it.each(cases.refuses)('refuses $name with a clear message', async ({ csv, message }) => {
    const error = await csvToJson(chunked(csv)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CsvConversionError);
    expect((error as Error).message).toContain(message);
  });

  it('says on which line a row went wrong', async () => {
    const error = (await csvToJson(chunked('a,b\n1,2\n3,4\n5\n')).catch(
      (e: unknown) => e,
    )) as CsvConversionError;

    expect(error.line).toBe(4);
  });

  it('counts the bytes of the JSON it wrote', async () => {
    const out = await csvToJson(chunked('id,name\n1,Zoë\n'));

    expect(out.jsonBytes).toBe(Buffer.byteLength(out.json, 'utf8'));
  });

  it('refuses a row too long to hold in memory instead of growing without bound', async () => {
    const huge = `a\n"${'x'.repeat(9 * 1024 * 1024)}"\n`;

    const error = await csvToJson(chunked(huge, 64 * 1024)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CsvConversionError);
    expect((error as Error).message).toMatch(/A row is longer than 8,388,608 characters/);
  });
});
