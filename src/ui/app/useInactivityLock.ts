/**
 * Activity for the inactivity lock: a person's input tells the worker (at most every few
 * seconds), whose timer locks after `lockAfterMinutes` without it; a page hidden longer than
 * that locks when it is shown again, whatever the worker's timer managed while throttled.
 */
import { useEffect } from 'react';
import { useServices } from '../data/AppServices';

const TOUCH_EVERY_MS = 5_000;
const EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export function useInactivityLock(active: boolean, lockAfterMinutes: number): void {
  const { worker } = useServices();
  useEffect(() => {
    if (!active) return;
    let lastTouch = 0;
    let hiddenAt: number | null = null;
    const onInput = () => {
      const now = Date.now();
      if (now - lastTouch < TOUCH_EVERY_MS) return;
      lastTouch = now;
      void worker.touch();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hiddenAt = Date.now();
      else if (hiddenAt !== null) {
        if (Date.now() - hiddenAt >= lockAfterMinutes * 60_000) void worker.lock();
        hiddenAt = null;
      }
    };
    for (const e of EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, lockAfterMinutes, worker]);
}
