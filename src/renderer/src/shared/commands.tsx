/**
 * The desk's commands: each view registers what it can do, with its keys. One registry drives the
 * keyboard shortcuts, the command palette (Ctrl+K) and the list of shortcuts (?), so a shortcut
 * shown is a shortcut that works.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from 'react';

export interface Command {
  id: string;
  label: string;
  /** Heading it is listed under: the view or area it belongs to. */
  group: string;
  /**
   * Keys as the desk writes them: "Alt+N", "Ctrl+Enter", "j", "ArrowDown", "?". "Ctrl" is Cmd on a
   * Mac. A key without Ctrl or Alt acts only when the caret is not in a text field.
   */
  keys?: readonly string[];
  /** Shown, but not run (with why, if given). */
  disabled?: boolean | string;
  run(): void;
}

interface Registry {
  set(owner: string, commands: readonly Command[] | null): void;
  all(): Command[];
  subscribe(listener: () => void): () => void;
}

const RegistryContext = createContext<Registry | null>(null);

function createRegistry(): Registry {
  const owners = new Map<string, readonly Command[]>();
  const listeners = new Set<() => void>();
  return {
    set(owner, commands) {
      if (commands) owners.set(owner, commands);
      else owners.delete(owner);
      listeners.forEach((l) => l());
    },
    all: () => [...owners.values()].flat(),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** "Ctrl+Enter" as this machine shows it (⌘ on a Mac). */
export function keyLabel(keys: string): string {
  const names: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', ArrowLeft: '←', ArrowRight: '→', ' ': 'Space', Escape: 'Esc' };
  return keys
    .split('+')
    .map((k) => (k === 'Ctrl' && isMac ? '⌘' : k === 'Alt' && isMac ? '⌥' : (names[k] ?? (k.length === 1 ? k.toUpperCase() : k))))
    .join(isMac ? '' : '+');
}

/** The caret is in something that takes typing: single-key shortcuts stay out of its way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  // A radio group takes the arrow keys itself.
  if (target instanceof HTMLInputElement) return !['checkbox', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** Does a keydown match "Ctrl+Shift+K"-style keys? Letters compare by the physical key with Alt (a Mac's Alt+N types ñ). */
export function matchesKeys(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.pop()!;
  const want = { ctrl: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift') };
  if (want.ctrl !== (e.ctrlKey || e.metaKey) || want.alt !== e.altKey) return false;
  if (key.length === 1 && /[a-z]/i.test(key)) {
    if (want.shift !== e.shiftKey) return false;
    return want.alt || want.ctrl ? e.code === `Key${key.toUpperCase()}` : e.key.toLowerCase() === key.toLowerCase();
  }
  // "?" and other typed symbols come with Shift on most layouts: compare the character itself.
  if (key.length === 1) return e.key === key;
  return want.shift === e.shiftKey && e.key === key;
}

/** A command's keys act here: with Ctrl or Alt anywhere, a plain key only outside text fields. */
function actsHere(keys: string, e: KeyboardEvent): boolean {
  const modified = /(^|\+)(Ctrl|Alt)\+/.test(keys);
  return modified || !isTyping(e.target);
}

/** Holds the registry and listens for every registered shortcut (capture phase, so it comes first). */
export function CommandsProvider({ children }: { children: ReactNode }) {
  const registry = useMemo(createRegistry, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // A dialog (the palette, a confirmation) owns the keyboard while it is open.
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      for (const c of registry.all()) {
        const keys = c.keys?.find((k) => matchesKeys(e, k) && actsHere(k, e));
        if (!keys) continue;
        // Ctrl+K in the body text is the editor's Link; everywhere else it is the palette.
        if (keys === 'Ctrl+K' && e.target instanceof HTMLElement && e.target.isContentEditable) return;
        e.preventDefault();
        e.stopPropagation();
        if (!c.disabled) c.run();
        return;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [registry]);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** Register this component's commands while `active` (a hidden view's keys do nothing). */
export function useCommands(commands: readonly Command[], active = true): void {
  const registry = useContext(RegistryContext);
  const owner = useId();
  // The latest closures run, without re-registering on every render.
  const latest = useRef(commands);
  latest.current = commands;
  const signature = commands.map((c) => `${c.id}:${c.label}:${String(c.disabled ?? '')}:${c.keys?.join(',') ?? ''}`).join('|');
  useEffect(() => {
    if (!registry || !active) return;
    registry.set(
      owner,
      latest.current.map((c) => ({ ...c, run: () => latest.current.find((x) => x.id === c.id)?.run() })),
    );
    return () => registry.set(owner, null);
  }, [registry, owner, active, signature]);
}

/** Every command registered now, kept current. */
export function useRegisteredCommands(): Command[] {
  const registry = useContext(RegistryContext);
  const [, setTick] = useState(0);
  useEffect(() => registry?.subscribe(() => setTick((n) => n + 1)), [registry]);
  return registry ? registry.all() : [];
}

/** Groups every view has: listed after the view's own. */
const SHELL_GROUPS = ['Desk', 'Go to'];

/** Commands by group: the view's own first, then the shell's (new item, views). */
export function byGroup(commands: readonly Command[]): [string, Command[]][] {
  const groups = new Map<string, Command[]>();
  for (const c of commands) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const rank = (g: string) => SHELL_GROUPS.indexOf(g);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

/** The keys of a command, as <kbd>s. */
export function Keys({ keys }: { keys?: readonly string[] }) {
  if (!keys || keys.length === 0) return null;
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <kbd key={i}>{keyLabel(k)}</kbd>
      ))}
    </span>
  );
}

/** A modal <dialog> opened and closed from React state (Escape and the backdrop close it). */
export function useModal(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // The dialog's first field or button takes the keyboard.
      d.querySelector<HTMLElement>('input, button')?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  const onCancel = useCallback(
    (e: React.SyntheticEvent) => {
      e.preventDefault();
      onClose();
    },
    [onClose],
  );
  const onClick = useCallback(
    (e: React.MouseEvent) => {
      if (e.target === ref.current) onClose();
    },
    [onClose],
  );
  return { ref, onCancel, onClick };
}
