/**
 * Routes live in the URL hash (`#/patients/pat_0001`), so every screen has an address, the
 * back button works, and the service worker serves one index.html for all of them.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type Route = { readonly name: 'roster' } | { readonly name: 'patient'; readonly id: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/patients\/([^/?#]+)$/.exec(hash);
  return m?.[1] ? { name: 'patient', id: decodeURIComponent(m[1]) } : { name: 'roster' };
}

export function hrefFor(route: Route): string {
  return route.name === 'patient' ? `#/patients/${encodeURIComponent(route.id)}` : '#/';
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): [Route, (r: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  const navigate = useCallback((r: Route) => {
    window.location.hash = hrefFor(r);
  }, []);
  return [parseRoute(hash), navigate];
}
