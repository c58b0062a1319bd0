import { describe, expect, it } from 'vitest';
import { ZONES, localZone, splitEmbargo } from './embargoTime';

describe('embargo time', () => {
  it('offers every half-hour offset from UTC-12 to UTC+14', () => {
    expect(ZONES[0]).toBe('-12:00');
    expect(ZONES).toContain('+05:30');
    expect(ZONES).toContain('+00:00');
    expect(ZONES.at(-1)).toBe('+14:00');
    expect(ZONES).toHaveLength(53);
  });

  it('splits a stored embargo into the local time and its zone', () => {
    expect(splitEmbargo('2026-11-27T09:00+04:00')).toEqual({ local: '2026-11-27T09:00', zone: '+04:00' });
    expect(splitEmbargo('2026-11-27T09:00:30.5Z')).toEqual({ local: '2026-11-27T09:00', zone: '+00:00' });
    expect(splitEmbargo('2026-11-27T09:00-03:30')).toEqual({ local: '2026-11-27T09:00', zone: '-03:30' });
  });

  it("starts an empty or unreadable embargo in this computer's zone", () => {
    const now = new Date();
    expect(splitEmbargo(null, now)).toEqual({ local: '', zone: localZone(now) });
    expect(splitEmbargo('tomorrow', now)).toEqual({ local: '', zone: localZone(now) });
    expect(localZone(now)).toMatch(/^[+-]\d{2}:\d{2}$/);
  });
});
