/**
 * The "Navigate" hand-off to the phone's own maps app: Apple Maps on iPhone and iPad, Google Maps
 * on Android, a `geo:` link elsewhere. The link carries coordinates only, never the patient's
 * name or address: it leaves the device (to Apple or Google), and a position is all a maps app
 * needs to drive there. The maps apps work offline only as far as they have the area's maps
 * cached; the plan itself stays on this device either way.
 */
import type { LatLng } from '../../../domain/ids';

export type MapsPlatform = 'apple' | 'android' | 'other';

/** The parts of `navigator` the choice depends on (a parameter, so tests pass their own). */
export interface NavigatorLike {
  readonly userAgent: string;
  readonly platform?: string;
  readonly maxTouchPoints?: number;
}

export function mapsPlatform(nav: NavigatorLike): MapsPlatform {
  if (/iPhone|iPad|iPod/.test(nav.userAgent)) return 'apple';
  // iPadOS asks for desktop sites: it says "MacIntel", but a Mac has no touch screen.
  if (nav.platform === 'MacIntel' && (nav.maxTouchPoints ?? 0) > 1) return 'apple';
  if (/Android/i.test(nav.userAgent)) return 'android';
  return 'other';
}

const coord = (n: number): string => String(Math.round(n * 1e6) / 1e6);

export function navigateHref(platform: MapsPlatform, to: LatLng): string {
  const at = `${coord(to.lat)},${coord(to.lng)}`;
  switch (platform) {
    case 'apple':
      return `https://maps.apple.com/?daddr=${at}&dirflg=d`;
    case 'android':
      return `https://www.google.com/maps/dir/?api=1&destination=${at}&travelmode=driving`;
    case 'other':
      return `geo:${at}`;
  }
}

/** Attributes for the link: a web link opens in a new tab so the installed app stays open. */
export function navigateLink(platform: MapsPlatform, to: LatLng): { href: string; target?: '_blank'; rel?: 'noopener' } {
  const href = navigateHref(platform, to);
  return href.startsWith('https:') ? { href, target: '_blank', rel: 'noopener' } : { href };
}
