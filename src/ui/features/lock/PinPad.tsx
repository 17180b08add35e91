/**
 * A PIN pad: large labelled buttons (digits, delete, unlock), the typed digits shown only as
 * dots, and the keyboard works too (digits, Backspace, Enter).
 */
import { useEffect } from 'react';
import { useI18n } from '../../i18n/I18n';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const PIN_MAX = 8;

export function PinPad({
  value,
  onChange,
  onSubmit,
  busy,
  submitLabel,
}: {
  value: string;
  onChange: (next: string) => void;
  onSubmit: () => void;
  busy: boolean;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const add = (d: string) => {
    if (value.length < PIN_MAX) onChange(value + d);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement) return;
      if (/^\d$/.test(e.key)) add(e.key);
      else if (e.key === 'Backspace') onChange(value.slice(0, -1));
      else if (e.key === 'Enter' && value.length >= 4 && !busy) onSubmit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <div className="pin-pad">
      <p className="pin-pad__dots" role="status" aria-label={t.lock.pinDisplay(value.length)}>
        {Array.from({ length: Math.max(4, value.length) }, (_, i) => (
          <span key={i} className={i < value.length ? 'pin-pad__dot pin-pad__dot--on' : 'pin-pad__dot'} aria-hidden="true" />
        ))}
      </p>
      <div className="pin-pad__keys">
        {KEYS.map((d) => (
          <button key={d} type="button" className="pin-pad__key" aria-label={t.lock.digit(d)} onClick={() => add(d)} disabled={busy}>
            {d}
          </button>
        ))}
        <button type="button" className="pin-pad__key" aria-label={t.lock.deleteDigit} onClick={() => onChange(value.slice(0, -1))} disabled={busy}>
          ⌫
        </button>
        <button type="button" className="pin-pad__key" aria-label={t.lock.digit('0')} onClick={() => add('0')} disabled={busy}>
          0
        </button>
      </div>
      <button type="button" className="button button--primary pin-pad__go" onClick={onSubmit} disabled={busy || value.length < 4}>
        {submitLabel}
      </button>
    </div>
  );
}
