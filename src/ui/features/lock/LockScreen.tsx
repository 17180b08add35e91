/**
 * The lock screen, shown instead of every other screen while the device is locked. With the
 * key still in memory the PIN opens it (or the password, if the person prefers); after a
 * restart or five wrong PINs only the password does, offline. Attempts left are always said.
 * "Forgot" leads to an online sign-in, which recovers the key with the server's device key.
 */
import { useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import type { LockState, UnlockResult } from '../../../worker/client';
import { SignInScreen } from '../signIn/SignInScreen';
import { PinPad } from './PinPad';

export function LockScreen({ lock }: { lock: LockState }) {
  const { t } = useI18n();
  const { worker } = useServices();
  const [mode, setMode] = useState<'pin' | 'password' | 'online'>(lock.state === 'pin' ? 'pin' : 'password');
  const [pin, setPin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const usePin = mode === 'pin' && lock.state === 'pin';

  function explain(res: UnlockResult): string | null {
    if (res.ok) return null;
    switch (res.code) {
      case 'wrong_pin':
        return t.lock.wrongPin(res.attemptsLeft);
      case 'wrong_password':
        return t.lock.wrongPassword(res.attemptsLeft);
      case 'needs_password':
        return t.lock.passwordAfterRestart;
      case 'wiped':
        return t.lock.wiped;
    }
  }

  async function attempt(run: () => Promise<UnlockResult>) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await run();
      setMessage(explain(res));
      if (!res.ok && res.code === 'needs_password') setMode('password');
    } finally {
      setBusy(false);
      setPin('');
      setPassword('');
    }
  }

  if (mode === 'online') return <SignInScreen onBack={() => setMode(lock.state === 'pin' ? 'pin' : 'password')} />;

  const onPassword = (e: FormEvent) => {
    e.preventDefault();
    void attempt(() => worker.unlockWithPassword(password));
  };

  return (
    <main id="main" className="sign-in lock-screen">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <section className="card sign-in__form" aria-labelledby="lock-title">
        <h1 id="lock-title">{t.lock.lockedTitle}</h1>
        {usePin ? (
          <>
            <p className="muted">{t.lock.pinPrompt}</p>
            <PinPad value={pin} onChange={setPin} busy={busy} submitLabel={busy ? t.lock.unlocking : t.lock.unlock} onSubmit={() => void attempt(() => worker.unlockWithPin(pin))} />
            {message === null && lock.pinAttemptsLeft < 5 && <p className="muted">{t.lock.attemptsLeft(lock.pinAttemptsLeft)}</p>}
          </>
        ) : (
          <form onSubmit={onPassword}>
            <p className="muted">{lock.state === 'password' ? t.lock.passwordAfterRestart : t.lock.passwordPrompt}</p>
            <label className="field">
              <span>{t.password}</span>
              <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            {message === null && lock.passwordAttemptsLeft < 10 && <p className="muted">{t.lock.attemptsLeft(lock.passwordAttemptsLeft)}</p>}
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t.lock.unlocking : t.lock.unlock}
            </button>
          </form>
        )}
        {message && (
          <p role="alert" className="error">
            {message}
          </p>
        )}
        <div className="lock-screen__links">
          {lock.state === 'pin' && (
            <button type="button" className="button" onClick={() => setMode(usePin ? 'password' : 'pin')}>
              {usePin ? t.lock.usePassword : t.lock.usePin}
            </button>
          )}
          <button type="button" className="button" onClick={() => setMode('online')}>
            {t.lock.forgot}
          </button>
        </div>
      </section>
    </main>
  );
}
