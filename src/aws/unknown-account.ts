/** How many configured names an "unknown account" answer lists before counting the rest. */
const KNOWN_NAMES_SHOWN = 20;

/** The one answer to an account word that is neither an id nor a configured name. */
export function unknownAccountProblem(input: string, known: readonly string[]): string {
  const what =
    input === ''
      ? 'An account is missing: give a 12-digit account id or a configured account name.'
      : `"${input}" is neither a 12-digit account id nor a configured account name.`;
  if (known.length === 0) return what;
  const shown = known.slice(0, KNOWN_NAMES_SHOWN).join(', ');
  const more = known.length > KNOWN_NAMES_SHOWN ? ` and ${known.length - KNOWN_NAMES_SHOWN} more` : '';
  return `${what} Known names: ${shown}${more}.`;
}
