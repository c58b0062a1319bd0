import { useApp } from '@renderer/app/AppContext';
import { useHubStatus } from './useHubStatus';
import './hub.css';

/**
 * "Offline — 3 changes waiting": shown under the top bar while this desk's shared desk cannot be
 * reached (or refuses it), gone when it is back; and "2 conflicts" while changes the shared desk
 * did not take are kept, leading to them in Settings. Nothing is shown on a desk of its own.
 */
export function HubBanner() {
  const { status } = useHubStatus();
  const { showSettings } = useApp();
  const banner = status?.banner ?? null;
  const conflicts = status?.joined ? status.conflicts : 0;
  return (
    <div className="hub-banner-slot" aria-live="polite">
      {(banner || conflicts > 0) && (
        <p className={`hub-banner hub-${banner ? status!.connection : 'conflicted'}`} data-testid="hub-banner">
          {banner && (
            <>
              <strong>{banner}</strong>
              <span>
                {status!.connection === 'offline'
                  ? 'Drafting, submitting and reviewing go on here; the changes go out by themselves when the shared desk is back.'
                  : status!.error?.message}
              </span>
            </>
          )}
          {conflicts > 0 && (
            <button type="button" className="hub-banner-conflicts" onClick={() => showSettings({ page: 'shared', section: 'conflicts' })}>
              {conflicts} conflict{conflicts === 1 ? '' : 's'}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
