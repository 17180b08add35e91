/**
 * Routes live in the URL hash (`#/patients/pat_0001`), so every screen has an address, the
 * back button works, and the service worker serves one index.html for all of them.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type Route =
  | { readonly name: 'roster' }
  | { readonly name: 'followUps' }
  | { readonly name: 'today' }
  | { readonly name: 'conflicts' }
  | { readonly name: 'password' }
  | { readonly name: 'patient'; readonly id: string }
  | { readonly name: 'note'; readonly patientId: string; readonly noteId: string };

export function parseRoute(hash: string): Route {
  const note = /^#\/patients\/([^/?#]+)\/notes\/([^/?#]+)$/.exec(hash);
  if (note?.[1] && note[2]) return { name: 'note', patientId: decodeURIComponent(note[1]), noteId: decodeURIComponent(note[2]) };
  const patient = /^#\/patients\/([^/?#]+)$/.exec(hash);
  if (patient?.[1]) return { name: 'patient', id: decodeURIComponent(patient[1]) };
  if (hash === '#/follow-ups') return { name: 'followUps' };
  if (hash === '#/today') return { name: 'today' };
  if (hash === '#/conflicts') return { name: 'conflicts' };
  if (hash === '#/password') return { name: 'password' };
  return { name: 'roster' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'patient':
      return `#/patients/${encodeURIComponent(route.id)}`;
    case 'note':
      return `#/patients/${encodeURIComponent(route.patientId)}/notes/${encodeURIComponent(route.noteId)}`;
    case 'followUps':
      return '#/follow-ups';
    case 'today':
      return '#/today';
    case 'conflicts':
      return '#/conflicts';
    case 'password':
      return '#/password';
    case 'roster':
      return '#/';
  }
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
