/**
 * The one way to reach a patient on a contact point: Call (`tel:`), Text (`sms:`) or Email
 * (`mailto:`), handed to the device's own apps. Whether it is offered at all is the caller's
 * decision (domain/consent.ts `mayContact`).
 */
import type { ContactChannel } from '../../../domain/patient';
import { useI18n } from '../../i18n/I18n';
import { useRecordText } from './recordText';

export function ContactAction({ channel, value, shown, name }: { channel: ContactChannel; value: string; shown: string; name: string }) {
  const { t } = useI18n();
  const tx = useRecordText();
  switch (channel) {
    case 'phone':
      return (
        <a className="button" href={`tel:${value}`} aria-label={`${t.call(name)}, ${shown}`}>
          {t.callShort}
        </a>
      );
    case 'sms':
      return (
        <a className="button" href={`sms:${value}`} aria-label={`${tx.textTo(name)}, ${shown}`}>
          {tx.textShort}
        </a>
      );
    case 'email':
      return (
        <a className="button" href={`mailto:${value}`} aria-label={`${tx.emailTo(name)}, ${shown}`}>
          {tx.emailShort}
        </a>
      );
  }
}
