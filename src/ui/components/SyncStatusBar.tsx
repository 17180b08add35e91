/**
 * The header's promise to the person: are we online, when did the server last confirm a sync,
 * is a sync running, and what went wrong in plain words. "Synced" appears only after the
 * server confirmed.
 */
import { useState } from 'react';
import { useServices } from '../data/AppServices';
import { useNow, useOnline, useSyncStatus } from '../data/hooks';
import { useI18n } from '../i18n/I18n';
import { CONFLICT_TEXT } from '../features/conflicts/conflictText';
import { usePendingCount } from '../features/conflicts/useSyncInbox';

export function SyncStatusBar() {
  const { t, locale, formatRelative } = useI18n();
  const tx = CONFLICT_TEXT[locale];
  const pending = usePendingCount();
  const { worker } = useServices();
  const online = useOnline();
  const status = useSyncStatus();
  const now = useNow();
  const [requested, setRequested] = useState(false);
  const busy = requested || status.phase !== 'idle';

  async function syncNow() {
    setRequested(true);
    try {
      await worker.syncNow();
    } finally {
      setRequested(false);
    }
  }

  return (
    <div className="sync-status">
      <span className={`pill ${online ? 'pill--online' : 'pill--offline'}`} data-testid="connectivity">
        {online ? t.online : t.offline}
      </span>
      <span role="status" className="sync-status__text" data-testid="last-sync">
        {status.phase === 'uploading'
          ? tx.uploading
          : status.phase === 'downloading'
          ? t.downloading(status.received)
          : status.lastSuccessAt
            ? t.lastSync(formatRelative(status.lastSuccessAt, now))
            : t.neverSynced}
      </span>
      <span className={pending > 0 ? 'pill pill--offline' : 'pill pill--online'} data-testid="pending">
        {pending > 0 ? tx.pending(pending) : tx.allSynced}
      </span>
      <button type="button" className="button" onClick={syncNow} disabled={busy}>
        {busy ? t.syncing : t.syncNow}
      </button>
      {status.lastError && status.phase === 'idle' && (
        <p role="alert" className="sync-status__error">
          {t.syncError[status.lastError]}
        </p>
      )}
    </div>
  );
}
