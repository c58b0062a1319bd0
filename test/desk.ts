/** Test helpers: an in-memory desk with a controllable clock, and ready-made fields. */
import { defaultFields, type ItemFields } from '../src/core/item';
import { bodyFromBlocks, paragraph, textNode } from '../src/core/richtext';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { openDb } from '../src/store/db';
import { DeskService } from '../src/service/desk';

export function testDesk(file = ':memory:', start = Date.parse('2026-11-26T10:00:00Z')) {
  let t = start;
  const clock = {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
  const desk = new DeskService(openDb(file), { now: clock.now });
  void desk.start();
  return { desk, clock };
}

export function readyFields(overrides: Partial<ItemFields> = {}): ItemFields {
  return {
    ...defaultFields(DEFAULT_SETTINGS),
    slug: 'AZERBAIJAN-KAZAKHSTAN-DEFENCE',
    headline: 'Azerbaijan and Kazakhstan approve a military cooperation plan',
    dateline: { place: 'Baku', date: '2023-10-06', agency: 'Turan' },
    category: 'Politics',
    source: 'mod.gov.az',
    signOff: '06B',
    body: bodyFromBlocks([paragraph([textNode('The plan was signed between the ministries.')]), paragraph([textNode('Exercises continue.', 1)])]),
    ...overrides,
  };
}
