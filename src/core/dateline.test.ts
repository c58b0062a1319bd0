import { describe, expect, it } from 'vitest';
import { dateProblem, formatDateline, formatDeskDate, parseDeskDate } from './dateline';

describe('dates typed in the desk’s own order', () => {
  it.each([
    ['6.10.2023', 'dmy', '2023-10-06'],
    ['06/10/23', 'dmy', '2023-10-06'],
    ['06-10-2023', 'dmy', '2023-10-06'],
    ['10/6/2023', 'mdy', '2023-10-06'],
    ['2023-10-06', 'mdy', '2023-10-06'],
    ['2023-10-06', 'dmy', '2023-10-06'],
    ['29.02.2024', 'dmy', '2024-02-29'],
    ['', 'dmy', ''],
  ] as const)('%s (%s) is %s', (text, order, iso) => {
    expect(parseDeskDate(text, order)).toEqual({ ok: true, iso });
  });

  it.each([
    ['02/31/2023', 'mdy', 'DATE_IMPOSSIBLE'],
    ['31.02.2023', 'dmy', 'DATE_IMPOSSIBLE'],
    ['29.02.2023', 'dmy', 'DATE_IMPOSSIBLE'],
    ['13/13/2023', 'dmy', 'DATE_IMPOSSIBLE'],
    ['6.10.20233', 'dmy', 'DATE_IMPOSSIBLE'],
    ['Friday', 'dmy', 'DATE_IMPOSSIBLE'],
    ['6.10.', 'dmy', 'DATE_INCOMPLETE'],
    ['6.10', 'dmy', 'DATE_INCOMPLETE'],
    ['06/1', 'mdy', 'DATE_INCOMPLETE'],
    ['6.10.202', 'dmy', 'DATE_INCOMPLETE'],
  ] as const)('%s (%s) is refused as %s', (text, order, code) => {
    expect(parseDeskDate(text, order)).toEqual({ ok: false, code });
  });

  it('shows an ISO date in the desk’s order and anything else as typed', () => {
    expect(formatDeskDate('2023-10-06', 'dmy')).toBe('06.10.2023');
    expect(formatDeskDate('2023-10-06', 'mdy')).toBe('10/06/2023');
    expect(formatDeskDate('31.02.2023', 'dmy')).toBe('31.02.2023');
    expect(dateProblem('2023-10-06', 'dmy')).toBeNull();
    expect(dateProblem('', 'dmy')).toBeNull();
    expect(dateProblem('6.10.', 'dmy')).toBe('DATE_INCOMPLETE');
  });

  it('never drops a date that is not yet real from the dateline: it shows what was typed', () => {
    expect(formatDateline({ place: 'Baku', date: '2023-10-06', agency: 'Turan' }, 'slash')).toBe('Baku/06.10.23/Turan:');
    expect(formatDateline({ place: 'Baku', date: '02/31/2023', agency: 'Turan' }, 'slash')).toBe('Baku/02/31/2023/Turan:');
    expect(formatDateline({ place: 'Baku', date: '6.10.', agency: 'Turan' }, 'ap')).toBe('BAKU, 6.10. (Turan) —');
    expect(formatDateline({ place: 'Baku', date: '', agency: 'Turan' }, 'ap')).toBe('BAKU (Turan) —');
  });
});
