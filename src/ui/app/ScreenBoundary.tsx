/**
 * Catches an error thrown while drawing one routed screen, so that one record the screen cannot
 * show (a bad stored value, a bug) blanks only that screen: the header, navigation and sync
 * stay usable, and the message says which screen failed, offers to try again and a way back
 * to the patient list. The shell keys it by route, so moving to another screen starts afresh.
 */
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';
import { SCREEN_ERROR_TEXT } from './screenErrorText';
import { hrefFor, type Route } from './useHashRoute';
import { logFailure } from '../components/logFailure';

interface Props {
  readonly screen: Route['name'];
  readonly children: ReactNode;
}

interface State {
  readonly failed: boolean;
}

export class ScreenBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // A bug to look into; the person sees the message below, not this.
    logFailure(`drawing the ${this.props.screen} screen`, error);
  }

  private readonly retry = () => this.setState({ failed: false });

  private readonly backToPatients = () => {
    const roster = hrefFor({ name: 'roster' });
    // On the patient list already the hash does not change, so the shell would not remount us.
    if (window.location.hash === roster || window.location.hash === '') this.retry();
    else window.location.hash = roster;
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <ScreenFailed screen={this.props.screen} onRetry={this.retry} onBack={this.backToPatients} />;
  }
}

function ScreenFailed({ screen, onRetry, onBack }: { screen: Route['name']; onRetry: () => void; onBack: () => void }) {
  const { locale } = useI18n();
  const text = SCREEN_ERROR_TEXT[locale];
  return (
    <section role="alert" className="screen-error">
      <h1>{text.failed[screen]}</h1>
      <p>{text.reassure}</p>
      <div className="record-actions">
        <button type="button" className="button button--primary" onClick={onRetry}>
          {text.tryAgain}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {text.backToPatients}
        </button>
      </div>
    </section>
  );
}
