/**
 * A WAI-ARIA toolbar: one Tab stop for the whole bar; Left and Right (Home, End) move between its
 * buttons, skipping disabled ones. The button last used keeps the Tab stop.
 */
import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef } from 'react';

const buttonsOf = (bar: HTMLElement) =>
  [...bar.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled && b.closest('[role="toolbar"]') === bar);

/** Only a real change is written: writing the same value still counts as a DOM change (style work on every key typed). */
function setTabIndex(b: HTMLButtonElement, value: number): void {
  if (b.tabIndex !== value) b.tabIndex = value;
}

export function useToolbarKeys<T extends HTMLElement>(): { ref: RefObject<T | null>; onKeyDown(e: KeyboardEvent): void; onFocus(e: React.FocusEvent): void } {
  const ref = useRef<T>(null);
  const current = useRef<HTMLButtonElement | null>(null);

  // After every render (buttons come, go and get disabled): exactly one button is in the Tab order.
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const buttons = buttonsOf(bar);
    const stop = current.current && buttons.includes(current.current) ? current.current : buttons[0];
    for (const b of bar.querySelectorAll<HTMLButtonElement>('button')) if (b.closest('[role="toolbar"]') === bar) setTabIndex(b, b === stop ? 0 : -1);
  });

  const onFocus = (e: React.FocusEvent) => {
    const bar = ref.current;
    if (!bar || !(e.target instanceof HTMLButtonElement) || e.target.closest('[role="toolbar"]') !== bar) return;
    current.current = e.target;
    for (const b of buttonsOf(bar)) setTabIndex(b, b === e.target ? 0 : -1);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const bar = ref.current;
    if (!bar || !(e.target instanceof HTMLButtonElement) || e.altKey || e.ctrlKey || e.metaKey) return;
    const buttons = buttonsOf(bar);
    const at = buttons.indexOf(e.target);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (to === null || at < 0) return;
    e.preventDefault();
    buttons[(to + buttons.length) % buttons.length]?.focus();
  };

  return { ref, onKeyDown, onFocus };
}
