/** Devices: whose, first and last seen, app version, revoked or not; revoke a lost one (asks first). */
import { useCallback, useState } from 'react';
import type { AdminDevice } from '../../../worker/client';
import { useConfirm } from '../../components/useConfirm';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT, type Say } from './adminText';
import { AdminProblem, Loaded } from './AdminProblem';
import { useAdminAction, useAdminLoad } from './useAdminLoad';

export function DevicesSection() {
  const { worker } = useServices();
  const { locale, formatDateTime } = useI18n();
  const text = ADMIN_TEXT[locale];
  const devices = useAdminLoad(useCallback(() => worker.adminListDevices(), [worker]));
  const [confirm, confirmDialog] = useConfirm();
  const action = useAdminAction();
  const [notice, setNotice] = useState<Say | null>(null);

  async function revoke(device: AdminDevice) {
    setNotice(null);
    if (!(await confirm({ title: text.revokeTitle, message: text.revokeMessage(device.ownerName), confirmLabel: text.revoke, danger: true }))) return;
    if (await action.run(() => worker.adminRevokeDevice(device.id))) {
      setNotice(() => (x: typeof text) => x.revokedDone);
      devices.reload();
    }
  }

  return (
    <section aria-labelledby="admin-devices-title">
      <h1 id="admin-devices-title">{text.devicesTitle}</h1>
      {notice && <p role="status" className="admin-notice">{notice(text)}</p>}
      {action.failure && <AdminProblem failure={action.failure} />}
      <Loaded data={devices.data} onRetry={devices.reload}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{text.noDevices}</p>
          ) : (
            <div className="admin-table-wrap">
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{text.owner}</th>
                    <th scope="col">{text.device}</th>
                    <th scope="col">{text.firstSeen}</th>
                    <th scope="col">{text.lastSeen}</th>
                    <th scope="col">{text.appVersion}</th>
                    <th scope="col">{text.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((device) => (
                    <tr key={device.id}>
                      <th scope="row">{device.ownerName}</th>
                      <td className="admin-code">{device.id}</td>
                      <td>{formatDateTime(device.firstSeen)}</td>
                      <td>{formatDateTime(device.lastSeen)}</td>
                      <td>{device.appVersion ?? text.unknownVersion}</td>
                      <td>
                        {device.revokedAt !== null ? (
                          <span className="admin-badge admin-badge--warn">{text.revoked(formatDateTime(device.revokedAt))}</span>
                        ) : (
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={action.busy}
                            aria-label={text.revokeLabel(device.ownerName, device.id)}
                            onClick={() => void revoke(device)}
                          >
                            {text.revoke}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      {confirmDialog}
    </section>
  );
}
