/**
 * The embargo as the editor enters it: a local date-time and a UTC offset, picked apart from
 * and put back into the RFC 3339 value the item stores ("2026-11-27T09:00+04:00").
 */

const offset = (minutes: number): string => {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

/** Every half-hour offset from UTC−12:00 to UTC+14:00. */
export const ZONES: readonly string[] = Array.from({ length: (26 * 60) / 30 + 1 }, (_, i) => offset(-12 * 60 + i * 30));

/** This computer's offset now, e.g. "+04:00". */
export function localZone(now = new Date()): string {
  return offset(-now.getTimezoneOffset());
}

/** "2026-11-27T09:00+04:00" → local "2026-11-27T09:00", zone "+04:00"; no embargo → empty, this computer's zone. */
export function splitEmbargo(e: string | null, now = new Date()): { local: string; zone: string } {
  const m = e ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(e) : null;
  return m ? { local: m[1]!, zone: m[2] === 'Z' ? '+00:00' : m[2]! } : { local: '', zone: localZone(now) };
}
