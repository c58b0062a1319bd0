import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dateTime, desk, prefetch, shortTime } from './desk';

describe('prefetch: start-up answers taken once by the identical call', () => {
  const calls: unknown[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    calls.length = 0;
    const answer = (arg: unknown) => {
      calls.push(arg);
      return Promise.resolve({ ok: true, value: { n: calls.length } });
    };
    (globalThis as unknown as { window: unknown }).window = { desk: { getItem: answer, listItems: answer } };
  });
  afterEach(() => vi.useRealTimers());

  it('the first identical call gets the early answer; the next one asks again', async () => {
    prefetch('getItem', { id: 'a' });
    expect(calls).toHaveLength(1);
    expect(await desk('getItem', { id: 'a' })).toEqual({ ok: true, value: { n: 1 } });
    expect(calls).toHaveLength(1);
    expect(await desk('getItem', { id: 'a' })).toEqual({ ok: true, value: { n: 2 } });
    expect(calls).toHaveLength(2);
  });

  it('another argument is asked for afresh', async () => {
    prefetch('listItems', { view: 'desk', offset: 0, limit: 100 });
    await desk('listItems', { view: 'desk', offset: 100, limit: 100 });
    expect(calls).toEqual([
      { view: 'desk', offset: 0, limit: 100 },
      { view: 'desk', offset: 100, limit: 100 },
    ]);
  });

  it('an early answer not taken within seconds is forgotten (never served stale)', async () => {
    prefetch('getItem', { id: 'b' });
    vi.advanceTimersByTime(6000);
    expect(await desk('getItem', { id: 'b' })).toEqual({ ok: true, value: { n: 2 } });
  });
});

describe('times', () => {
  it('today by the clock, another day with its date; an unreadable time as it came', () => {
    const now = new Date(2026, 10, 30, 15, 0);
    expect(shortTime(new Date(2026, 10, 30, 14, 3).toISOString(), now)).toBe('14:03');
    expect(shortTime(new Date(2026, 10, 26, 9, 5).toISOString(), now)).toBe('26 Nov 09:05');
    expect(shortTime('not a time', now)).toBe('not a time');
    expect(dateTime(new Date(2026, 10, 30, 14, 3).toISOString())).toBe('30 Nov 2026, 14:03');
  });

  it('reads as Intl writes en-GB, for every month and hour (Sept included)', () => {
    const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
    const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
    const full = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    const now = new Date(2031, 0, 1);
    for (let m = 0; m < 12; m++)
      for (const [day, h, min] of [
        [1, 0, 0],
        [9, 7, 5],
        [28, 12, 30],
        [17, 23, 59],
      ] as const) {
        const d = new Date(2026, m, day, h, min);
        expect(shortTime(d.toISOString(), now)).toBe(`${short.format(d)} ${clock.format(d)}`);
        expect(shortTime(d.toISOString(), d)).toBe(clock.format(d));
        expect(dateTime(d.toISOString())).toBe(full.format(d));
      }
  });
});
