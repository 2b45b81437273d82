import * as z from 'zod';

/** What a mute silences: an event type or a whole service, everywhere or in one account. */
/** Absent: every account. */
const inAccount = z
  .string()
  .regex(/^\d{12}$/)
  .optional();

export const muteScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('eventType'), eventTypeCode: z.string().min(1).max(200), accountId: inAccount }),
  z.object({ kind: z.literal('service'), service: z.string().min(1).max(100), accountId: inAccount }),
]);
export type MuteScope = z.infer<typeof muteScopeSchema>;

/** The facts of one event for one account that a mute looks at. */
export interface MuteSubject {
  service: string;
  eventTypeCode: string;
  accountId: string;
}

export function scopeMatches(scope: MuteScope, subject: MuteSubject): boolean {
  if (scope.accountId !== undefined && scope.accountId !== subject.accountId) return false;
  return scope.kind === 'eventType'
    ? scope.eventTypeCode === subject.eventTypeCode
    : scope.service.toUpperCase() === subject.service.toUpperCase();
}

/** `AWS_VPN_REDUNDANCY_LOSS in prod-payments`, `EC2 everywhere` (plain: callers escape). */
export function scopePlain(scope: MuteScope, accountName: string | undefined): string {
  const what = scope.kind === 'eventType' ? scope.eventTypeCode : `every ${scope.service} event`;
  const where = scope.accountId ? `in ${accountName ?? scope.accountId}` : 'in every account';
  return `${what} ${where}`;
}

/** The choices the modal offers for one alert: each scope, for each account the message shows (at most 4). */
export function scopeChoices(
  event: { service: string; eventTypeCode: string },
  accounts: readonly { id: string; name: string | undefined }[],
): { scope: MuteScope; label: string }[] {
  const shown = accounts.slice(0, 4);
  const label = (scope: MuteScope) => scopePlain(scope, shown.find((a) => a.id === scope.accountId)?.name);
  const scopes: MuteScope[] = [
    { kind: 'eventType', eventTypeCode: event.eventTypeCode },
    ...shown.map(
      (a): MuteScope => ({ kind: 'eventType', eventTypeCode: event.eventTypeCode, accountId: a.id }),
    ),
    ...shown.map((a): MuteScope => ({ kind: 'service', service: event.service, accountId: a.id })),
    { kind: 'service', service: event.service },
  ];
  return scopes.map((scope) => ({ scope, label: label(scope) }));
}
