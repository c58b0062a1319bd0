/** IPTC urgency: 1 is most urgent, 9 least. Names follow wire-desk usage. */
export const URGENCY_NAMES: Readonly<Record<number, string>> = {
  1: 'Flash',
  2: 'Bulletin',
  3: 'Urgent',
  5: 'Routine',
  7: 'Deferred',
};

export const DEFAULT_URGENCY = 5;

export function urgencyLabel(urgency: number): string {
  const name = URGENCY_NAMES[urgency];
  return name ? `${urgency} – ${name}` : String(urgency);
}

export function isValidUrgency(u: unknown): u is number {
  return typeof u === 'number' && Number.isInteger(u) && u >= 1 && u <= 9;
}
