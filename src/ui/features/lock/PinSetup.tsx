/**
 * Choosing the PIN, right after the first sign-in on this device (and after a wipe): twice,
 * 4 to 8 digits. Nothing else shows until it is set.
 */
import { useState } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { PinPad } from './PinPad';

export function PinSetup() {
  const { t } = useI18n();
  const { worker } = useServices();
  const [first, setFirst] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    if (!/^\d{4,8}$/.test(pin)) {
      setError(t.lock.pinInvalid);
      return;
    }
    if (first === null) {
      setFirst(pin);
      setPin('');
      return;
    }
    if (first !== pin) {
      setError(t.lock.pinMismatch);
      setFirst(null);
      setPin('');
      return;
    }
    setBusy(true);
    try {
      const res = await worker.setPin(pin);
      if (!res.ok) setError(t.lock.pinInvalid);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in lock-screen">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <section className="card sign-in__form" aria-labelledby="pin-setup-title">
        <h1 id="pin-setup-title">{t.lock.setupTitle}</h1>
        <p className="muted">{t.lock.setupIntro}</p>
        <h2 className="lock-screen__step">{first === null ? t.lock.newPin : t.lock.confirmPin}</h2>
        <PinPad value={pin} onChange={setPin} busy={busy} submitLabel={first === null ? t.lock.next : t.lock.savePin} onSubmit={() => void submit()} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
    </main>
  );
}
