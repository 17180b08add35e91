/**
 * A non-modal banner for service-worker news. It never acts on its own: a waiting version is
 * activated only by the "Update" button, so nothing reloads while a person is typing.
 */
import { useI18n } from '../i18n/I18n';

export type SwNotice = { readonly kind: 'offline_ready' } | { readonly kind: 'update'; readonly activate: () => void };

export function UpdatePrompt({ notice, onDismiss }: { notice: SwNotice | null; onDismiss: () => void }) {
  const { t } = useI18n();
  if (!notice) return null;
  return (
    <div role="status" className="banner">
      {notice.kind === 'update' ? (
        <>
          <span>{t.updateReady}</span>
          <button type="button" className="button button--primary" onClick={notice.activate}>
            {t.update}
          </button>
          <button type="button" className="button" onClick={onDismiss}>
            {t.later}
          </button>
        </>
      ) : (
        <>
          <span>{t.offlineReady}</span>
          <button type="button" className="button" onClick={onDismiss}>
            {t.dismiss}
          </button>
        </>
      )}
    </div>
  );
}
