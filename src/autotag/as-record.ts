/** An object's fields, or `{}` for anything that is not a plain object (CloudTrail payloads vary by call). */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
