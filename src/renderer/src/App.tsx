import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { affects } from '../../core/changes';
import type { DeskSettings } from '../../core/settings';
import { DeskView } from './desk/DeskView';
import { ImportView } from './import/ImportView';
import { BatchesView } from './queue/BatchesView';
import { QueueView } from './queue/QueueView';
import { SettingsView } from './settings/SettingsView';
import { NEW_ITEM_EVENT, desk } from './lib/desk';
import { useDeskEvents } from './lib/useDeskEvents';

type View = 'desk' | 'queue' | 'batches' | 'import' | 'settings';

export function App() {
  const [view, setView] = useState<View>('desk');
  const [settings, setSettings] = useState<DeskSettings | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  /** An item another view asked the desk to open (from the queue or an import). */
  const [openId, setOpenId] = useState<string | null>(null);
  // The queue's tab and filters, and import work in progress, survive a look at another view:
  // once opened, these views stay mounted, hidden.
  const [kept, setKept] = useState<ReadonlySet<View>>(new Set());
  useEffect(() => {
    if (view === 'queue' || view === 'import') setKept((k) => (k.has(view) ? k : new Set(k).add(view)));
  }, [view]);
  const keep = (v: View, node: ReactNode) =>
    (view === v || kept.has(v)) && (
      <div className="view-host" hidden={view !== v}>
        {node}
      </div>
    );
  const clearOpenId = useCallback(() => setOpenId(null), []);
  const openItem = (id: string) => {
    setOpenId(id);
    setView('desk');
  };

  // Electron's File menu: views are switched here; a new item is the desk's own action.
  useEffect(
    () =>
      window.deskShell?.onMenu((command) => {
        if (command === 'import' || command === 'queue' || command === 'settings') setView(command);
        if (command === 'new-item') {
          setView('desk');
          setTimeout(() => window.dispatchEvent(new Event(NEW_ITEM_EVENT)), 0);
        }
      }),
    [],
  );

  useEffect(() => {
    void desk('getSettings', {}).then((r) => (r.ok ? setSettings(r.value) : setFatal(r.error.message)));
  }, []);
  // Settings saved in another window or process apply here too.
  useDeskEvents((e) => {
    if (affects(e, 'settings')) void desk('getSettings', {}).then((r) => r.ok && setSettings(r.value));
  });

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Wiredesk cannot reach its desk</h1>
        <p>{fatal}</p>
      </main>
    );
  }
  if (!settings) return <main className="loading">Opening the desk…</main>;

  const tabs: { id: View; label: string }[] = [
    { id: 'desk', label: 'Desk' },
    { id: 'queue', label: 'Queue' },
    { id: 'batches', label: 'Batches' },
    { id: 'import', label: 'Import' },
    { id: 'settings', label: 'Settings' },
  ];
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Wiredesk</span>
        <nav aria-label="Views" className="views">
          {tabs.map((t) => (
            <button key={t.id} type="button" aria-current={view === t.id ? 'page' : undefined} onClick={() => setView(t.id)}>
              {t.label}
            </button>
          ))}
        </nav>
        <span className="who">
          {settings.deskName} · {settings.editorName}
        </span>
      </header>
      {view === 'desk' && <DeskView settings={settings} openId={openId} onOpened={clearOpenId} />}
      {keep('queue', <QueueView settings={settings} active={view === 'queue'} onOpenItem={openItem} />)}
      {view === 'batches' && <BatchesView settings={settings} />}
      {keep('import', <ImportView settings={settings} onOpenItem={openItem} />)}
      {view === 'settings' && <SettingsView settings={settings} onSettings={setSettings} />}
    </div>
  );
}
