/**
 * item_switch_100k: one arrow key in the desk list, as an editor presses it (Chromium's own input),
 * timed in the page from the keydown event to the first paint showing the next item; the
 * reference is getItem over HTTP from the same page.
 */
import type { Page } from 'playwright-core';

/** Record when each key goes down (once per page). */
export async function armSwitches(deskPage: Page): Promise<void> {
  await deskPage.evaluate(() => {
    const w = window as unknown as { __keyAt: number };
    addEventListener('keydown', () => (w.__keyAt = performance.now()), true);
  });
}

export async function switchItems(deskPage: Page, n: number, key: 'ArrowDown' | 'ArrowUp'): Promise<{ real: number[]; ref: number[] }> {
  const real: number[] = [];
  const ref: number[] = [];
  for (let k = 0; k < n; k++) {
    const next = await deskPage.evaluate(async (key) => {
      const sel = document.querySelector<HTMLElement>('[role="option"][aria-selected="true"]');
      const row = (key === 'ArrowDown' ? sel?.nextElementSibling : sel?.previousElementSibling) as HTMLElement | null;
      if (!sel || !row?.dataset.id) return null;
      sel.focus();
      const t1 = performance.now();
      await (
        await fetch('api/getItem', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: row.dataset.id }) })
      ).json();
      return { id: row.dataset.id, slug: row.querySelector('.slug')?.textContent ?? '', refMs: performance.now() - t1 };
    }, key);
    if (!next) break;
    ref.push(next.refMs);
    // The watcher is in place before the key goes down: an evaluate not awaited can reach the page
    // after the key (input runs ahead of other tasks), and then it first looks a frame late.
    await deskPage.evaluate(({ id, slug }) => {
      const w = window as unknown as { __keyAt: number; __shown: Promise<number> };
      w.__shown = new Promise<number>((resolve, reject) => {
        const done = () =>
          document.querySelector<HTMLInputElement>('input[name="slug"]')?.value === slug &&
          document.querySelector<HTMLElement>('[role="option"][aria-selected="true"]')?.dataset.id === id;
        const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - w.__keyAt), 0));
        const timer = setTimeout(() => reject(new Error(`the editor never showed ${slug} (${id})`)), 10_000);
        // A field's value is a property, not a DOM change: each frame looks as well.
        let seen = false;
        const check = () => {
          if (seen || !done()) return false;
          seen = true;
          clearTimeout(timer);
          mo.disconnect();
          painted();
          return true;
        };
        const mo = new MutationObserver(check);
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const poll = () => void (check() || seen || requestAnimationFrame(poll));
        requestAnimationFrame(poll);
      });
    }, next);
    await deskPage.keyboard.press(key);
    real.push(await deskPage.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown));
    // Longer than the list's wait for a held key: each press is a single switch.
    await deskPage.waitForTimeout(250);
  }
  return { real, ref };
}
