/**
 * Sign-in: the one screen that needs the network. On success the worker stores the session
 * and starts downloading the territory; the app switches to the roster by itself because it
 * watches the session in the database.
 */
import { useState, type FormEvent } from 'react';
import type { SignInErrorCode } from '../../../domain/syncStatus';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useServices } from '../../data/AppServices';
import { useSyncStatus } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';

/** `onBack`: shown from the lock screen ("forgot PIN or password"), to return to it. */
export function SignInScreen({ onBack, wiped = false }: { onBack?: () => void; wiped?: boolean } = {}) {
  const { t } = useI18n();
  const { worker } = useServices();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SignInErrorCode | null>(null);
  const status = useSyncStatus();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await worker.signIn(username, password);
      if (!res.ok) setError(res.code);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <form className="card sign-in__form" onSubmit={onSubmit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t.signInTitle}</h1>
        <p className="muted">{t.signInIntro}</p>
        <label className="field">
          <span>{t.username}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {!error && wiped && (
          <p role="alert" className="error">
            {t.lock.wiped}
          </p>
        )}
        {!error && status.lastError === 'device_revoked' && (
          <p role="alert" className="error">
            {t.syncError.device_revoked}
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {t.signInError[error]}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
        {onBack && (
          <button type="button" className="button" onClick={onBack}>
            {t.lock.back}
          </button>
        )}
      </form>
    </main>
  );
}
