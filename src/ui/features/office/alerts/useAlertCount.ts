/**
 * The number of open alerts for the Alerts tab: asked once when the office opens, then kept up
 * to date by the Alerts section after each step. Null until known (or when it cannot be had:
 * the tab then shows its name alone).
 */
import { useEffect, useState } from 'react';
import { useServices } from '../../../data/AppServices';

export function useAlertCount(): [number | null, (open: number) => void] {
  const { worker } = useServices();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void worker.officeAlerts().then(
      (res) => {
        if (live && res.ok) setCount(res.value.openTotal);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [worker]);
  return [count, setCount];
}
