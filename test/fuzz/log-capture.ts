type Write = typeof process.stdout.write;

/**
 * Captures the structured log lines (Powertools writes JSON lines to stdout and stderr) so the fuzz can check that
 * an ignored event left a trace at INFO or above; anything else written passes through.
 */
export class LogCapture {
  readonly lines: { level: string; text: string }[] = [];
  private restore: (() => void)[] = [];

  start(): void {
    if (this.restore.length > 0) return;
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write;
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const level = /^\{"level":"(\w+)"/.exec(text)?.[1];
        if (!level) return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
        this.lines.push({ level, text });
        return true;
      }) as Write;
      this.restore.push(() => {
        stream.write = original;
      });
    }
  }

  /** Lines at INFO or above logged since `mark` (an index into `lines`). */
  tracesSince(mark: number): string[] {
    return this.lines
      .slice(mark)
      .filter((line) => line.level !== 'DEBUG')
      .map((line) => line.text);
  }

  stop(): void {
    for (const restore of this.restore.splice(0)) restore();
  }
}
