import './palette.css';
import { Suspense, lazy, useState } from 'react';
import { type Command, Keys, byGroup, useCommands, useModal, useRegisteredCommands } from './commands';

// The palette's list (cmdk and what it brings) is not in the code the desk waits for at start-up.
export const loadPaletteList = () => import('./PaletteList');
const PaletteList = lazy(() => loadPaletteList().then((m) => ({ default: m.PaletteList })));

/**
 * Ctrl+K: every action of the view on screen, with its keys, found by typing a few letters.
 * "?" lists the same commands as a table of shortcuts.
 */
export function CommandPalette() {
  const [open, setOpen] = useState<'palette' | 'keys' | null>(null);
  const commands = useRegisteredCommands().filter((c) => c.id !== 'palette' && c.id !== 'shortcuts');
  useCommands([
    { id: 'palette', label: 'Command palette', group: 'Desk', keys: ['Ctrl+K'], run: () => setOpen('palette') },
    { id: 'shortcuts', label: 'Keyboard shortcuts', group: 'Desk', keys: ['?'], run: () => setOpen('keys') },
  ]);
  const close = () => setOpen(null);
  const palette = useModal(open === 'palette', close);
  const help = useModal(open === 'keys', close);
  const run = (c: Command) => {
    close();
    // After the dialog has closed and focus is back where it was.
    setTimeout(() => c.run(), 0);
  };

  return (
    <>
      <dialog ref={palette.ref} className="palette" aria-label="Command palette" onCancel={palette.onCancel} onClick={palette.onClick}>
        {open === 'palette' && (
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <PaletteList commands={commands} onRun={run} />
          </Suspense>
        )}
      </dialog>
      <dialog ref={help.ref} className="shortcuts" aria-labelledby="shortcuts-title" onCancel={help.onCancel} onClick={help.onClick}>
        {open === 'keys' && (
          <>
            <h2 id="shortcuts-title">Keyboard shortcuts</h2>
            <p className="hint">Single keys act when the caret is not in a text field. Ctrl+K opens the command palette (in the body text it makes a link).</p>
            {byGroup(commands.filter((c) => c.keys?.length)).map(([group, list]) => (
              <table key={group} className="shortcut-table">
                <caption>{group}</caption>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.label}</th>
                      <td>
                        <Keys keys={c.keys} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
            <form method="dialog">
              <button type="submit" className="primary" autoFocus onClick={close}>
                Close
              </button>
            </form>
          </>
        )}
      </dialog>
    </>
  );
}
