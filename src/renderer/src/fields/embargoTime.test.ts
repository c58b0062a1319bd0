import { describe, expect, it } from 'vitest';
import { ZONES, formatEmbargoText, localZone, parseEmbargoText, splitEmbargo } from './embargoTime';

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

  it("reads a typed embargo in the desk's date order, and ISO", () => {
    expect(parseEmbargoText('27.11.2030 09:00', 'dmy')).toEqual({ ok: true, local: '2030-11-27T09:00' });
    expect(parseEmbargoText('11/27/2030 9:05', 'mdy')).toEqual({ ok: true, local: '2030-11-27T09:05' });
    expect(parseEmbargoText('5.1.31, 23.59', 'dmy')).toEqual({ ok: true, local: '2031-01-05T23:59' });
    expect(parseEmbargoText('2030-11-27T09:00', 'mdy')).toEqual({ ok: true, local: '2030-11-27T09:00' });
    expect(parseEmbargoText('  ', 'dmy')).toEqual({ ok: true, local: '' });
  });

  it('says what is wanted when the text is not yet an embargo, in the desk order', () => {
    expect(parseEmbargoText('27.11.2030', 'dmy')).toEqual({ ok: false, message: 'Type the embargo as a date and a 24-hour time, e.g. 27.11.2030 09:00.' });
    expect(parseEmbargoText('31.02.2030 09:00', 'dmy')).toMatchObject({ ok: false, message: expect.stringContaining('not a date in the desk') });
    expect(parseEmbargoText('27/11/2030 09:00', 'mdy')).toMatchObject({ ok: false, message: expect.stringContaining('mm/dd/yyyy') });
    expect(parseEmbargoText('27.11.2030 24:00', 'dmy')).toMatchObject({ ok: false, message: expect.stringContaining('not a time of day') });
  });

  it('writes a stored embargo back in the desk order', () => {
    expect(formatEmbargoText('2030-11-27T09:00', 'dmy')).toBe('27.11.2030 09:00');
    expect(formatEmbargoText('2030-11-27T09:00', 'mdy')).toBe('11/27/2030 09:00');
    expect(formatEmbargoText('', 'dmy')).toBe('');
  });
});
