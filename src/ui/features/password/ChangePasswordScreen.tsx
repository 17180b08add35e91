/**
 * "Change password", for every signed-in role (the field app and the admin console). The
 * screen checks what it can before sending (all filled in, long enough, not the username, the
 * two new ones the same); the worker asks the server and, once it said ok, re-wraps the
 * device's data key under the new password. Every refusal is said in words and keeps what was
 * typed; after a success the fields are cleared.
 */
import { useId, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../protocol/wire';
import { useServices } from '../../data/AppServices';
import { useOnline } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { PASSWORD_TEXT, type PasswordProblem } from './passwordText';

type Outcome =
  | { readonly kind: 'problem'; readonly problem: PasswordProblem }
  | { readonly kind: 'too_many_attempts'; readonly retryAfterSeconds: number | null }
  | { readonly kind: 'changed'; readonly deviceUpdated: boolean };

/** What the screen itself refuses before anything is sent; null when it may be sent. */
function checkBeforeSending(current: string, next: string, repeat: string, username: string): PasswordProblem | null {
  if (current === '' || next === '' || repeat === '') return 'missing';
  if (next.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (next.trim().toLowerCase() === username.trim().toLowerCase()) return 'is_username';
  if (next !== repeat) return 'mismatch';
  return null;
}

export function ChangePasswordScreen({ username }: { username: string }) {
  const { worker } = useServices();
  const text = PASSWORD_TEXT[useI18n().locale];
  const online = useOnline();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problem = checkBeforeSending(current, next, repeat, username);
    if (problem) return setOutcome({ kind: 'problem', problem });
    setOutcome(null);
    setBusy(true);
    try {
      const res = await worker.changePassword(current, next);
      if (res.ok) {
        setCurrent('');
        setNext('');
        setRepeat('');
        setOutcome({ kind: 'changed', deviceUpdated: res.deviceUpdated });
      } else if (res.code === 'too_many_attempts') {
        setOutcome({ kind: 'too_many_attempts', retryAfterSeconds: res.retryAfterSeconds });
      } else {
        setOutcome({ kind: 'problem', problem: res.code });
      }
    } catch {
      // The worker failed unexpectedly: nothing can be said about the server's answer.
      setOutcome({ kind: 'problem', problem: 'bad_response' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card password-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{text.title}</h1>
      <p className="muted">{text.intro}</p>
      {!online && (
        <p role="status" className="admin-problem">
          {text.needsConnection}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
        <label className="field" htmlFor={`${id}-current`}>
          {text.current}
          <input id={`${id}-current`} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label className="field" htmlFor={`${id}-next`}>
          {text.next}
          <input id={`${id}-next`} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label className="field" htmlFor={`${id}-repeat`}>
          {text.confirm}
          <input id={`${id}-repeat`} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </label>
        {outcome?.kind === 'problem' && (
          <p role="alert" className="admin-problem">
            {text.problem[outcome.problem]}
          </p>
        )}
        {outcome?.kind === 'too_many_attempts' && (
          <p role="alert" className="admin-problem">
            {text.tooManyAttempts(outcome.retryAfterSeconds)}
          </p>
        )}
        {outcome?.kind === 'changed' && (
          <>
            <p role="status" className="admin-notice">
              {text.changed}
            </p>
            {!outcome.deviceUpdated && (
              <p role="alert" className="admin-problem">
                {text.deviceNotUpdated}
              </p>
            )}
          </>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? text.busy : text.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
