/** `&`, `<`, `>` and quotes as XML needs them. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/**
 * A value as the AWS query protocols write it: objects as elements, arrays as repeated `listItem` elements
 * (`member` for the query protocol, `item` for EC2), scalars as text.
 */
export function toXml(value: unknown, listItem: 'member' | 'item'): string {
  if (Array.isArray(value))
    return value.map((v) => `<${listItem}>${toXml(v, listItem)}</${listItem}>`).join('');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v, listItem)}</${k}>`)
      .join('');
  return escapeXml(String(value ?? ''));
}

/** The account of a request signed with the keys the STS stand-in hands out (`ASIA<account>`), and its region. */
export function signedBy(authorization: string | string[] | undefined): { account: string; region: string } {
  const scope = /Credential=(\w+)\/\d{8}\/([\w-]+)\//.exec(String(authorization ?? ''));
  return { account: /^ASIA(\d{12})$/.exec(scope?.[1] ?? '')?.[1] ?? '', region: scope?.[2] ?? '' };
}
