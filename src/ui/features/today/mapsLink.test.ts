import { describe, expect, it } from 'vitest';
import type { LatLng } from '../../../domain/ids';
import { mapsPlatform, navigateHref, navigateLink, type NavigatorLike } from './mapsLink';

const at = { lat: 42.39, lng: -71.04 } as LatLng;
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

describe('mapsPlatform', () => {
  const rows: { name: string; nav: NavigatorLike; expect: string }[] = [
    { name: 'iPhone', nav: { userAgent: IPHONE, platform: 'iPhone', maxTouchPoints: 5 }, expect: 'apple' },
    { name: 'iPod', nav: { userAgent: 'Mozilla/5.0 (iPod touch; CPU iPhone OS 12_5 like Mac OS X)' }, expect: 'apple' },
    { name: 'iPadOS (desktop site: MacIntel with touch)', nav: { userAgent: IPAD_DESKTOP, platform: 'MacIntel', maxTouchPoints: 5 }, expect: 'apple' },
    { name: 'a Mac (no touch)', nav: { userAgent: IPAD_DESKTOP, platform: 'MacIntel', maxTouchPoints: 0 }, expect: 'other' },
    { name: 'Android', nav: { userAgent: ANDROID, platform: 'Linux armv8l', maxTouchPoints: 5 }, expect: 'android' },
    { name: 'Windows laptop', nav: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', platform: 'Win32', maxTouchPoints: 0 }, expect: 'other' },
  ];
  it.each(rows)('$name', ({ nav, expect: platform }) => {
    expect(mapsPlatform(nav)).toBe(platform);
  });
});

describe('navigateHref', () => {
  it('Apple Maps, Google Maps or geo:, with coordinates only', () => {
    expect(navigateHref('apple', at)).toBe('https://maps.apple.com/?daddr=42.39,-71.04&dirflg=d');
    expect(navigateHref('android', at)).toBe('https://www.google.com/maps/dir/?api=1&destination=42.39,-71.04&travelmode=driving');
    expect(navigateHref('other', at)).toBe('geo:42.39,-71.04');
  });

  it('web links open in a new tab without a handle back to the app; geo: does not', () => {
    expect(navigateLink('apple', at)).toEqual({ href: 'https://maps.apple.com/?daddr=42.39,-71.04&dirflg=d', target: '_blank', rel: 'noopener' });
    expect(navigateLink('other', at)).toEqual({ href: 'geo:42.39,-71.04' });
  });
});
