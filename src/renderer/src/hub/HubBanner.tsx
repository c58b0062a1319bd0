import { useHubStatus } from './useHubStatus';
import './hub.css';

/**
 * "Offline — 3 changes waiting": shown under the top bar while this desk's shared desk cannot be
 * reached (or refuses it), gone when it is back. Nothing is shown on a desk of its own.
 */
export function HubBanner() {
  const { status } = useHubStatus();
  const banner = status?.banner ?? null;
  return (
    <div className="hub-banner-slot" aria-live="polite">
      {banner && (
        <p className={`hub-banner hub-${status!.connection}`} data-testid="hub-banner">
          <strong>{banner}</strong>
          <span>
            {status!.connection === 'offline'
              ? 'Drafting, submitting and reviewing go on here; the changes go out by themselves when the shared desk is back.'
              : status!.error?.message}
          </span>
        </p>
      )}
    </div>
  );
}
