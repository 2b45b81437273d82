/** Every mrkdwn/plain text string in a message: fallback, block texts, fields and context elements. */
export function messageTexts(message: unknown): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key === 'text') texts.push(value);
      return;
    }
    if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, k);
  };
  walk(message);
  return texts;
}

/**
 * Angle-bracket constructs Slack would act on (`<!channel>`, `<@U…>`, `<!subteam^…>`, `<url|label>`) that the
 * bot did not put there itself: the only ones allowed are dates and links to the AWS Health console.
 */
export function unsafeMrkdwn(
  message: unknown,
  allowedLinkPrefix = 'https://health.aws.amazon.com/',
): string[] {
  return messageTexts(message).flatMap((text) =>
    [...text.matchAll(/<([^>]*)>/g)]
      .map((match) => match[1] ?? '')
      .filter((inner) => !inner.startsWith('!date^') && !inner.startsWith(allowedLinkPrefix)),
  );
}
