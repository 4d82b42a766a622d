// Where the person is, for "nearest first". Chinese maps (and our providers' coordinates) use
// GCJ-02; a browser's geolocation gives WGS-84, converted here (the published conversion; off by
// a few metres at most, plenty for sorting restaurants).
import Taro from '@tarojs/taro';
import type { GeoPoint } from '@contract';

const A = 6378245.0;
const EE = 0.006693421622965943;

function outOfChina(p: GeoPoint): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 (GPS) → GCJ-02; unchanged outside China, where GCJ-02 is not used. */
export function wgs84ToGcj02(p: GeoPoint): GeoPoint {
  if (outOfChina(p)) return p;
  const radLat = (p.lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(p.lng - 105, p.lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (transformLng(p.lng - 105, p.lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** Great-circle distance in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The person's position in GCJ-02, or null when they say no (or the device cannot tell). */
export async function currentPosition(): Promise<GeoPoint | null> {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return null;
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (pos) => resolve(wgs84ToGcj02({ lat: pos.coords.latitude, lng: pos.coords.longitude })),
        () => resolve(null),
        { timeout: 10_000, maximumAge: 300_000 },
      );
    });
  }
  try {
    const pos = await Taro.getLocation({ type: 'gcj02' });
    return { lat: pos.latitude, lng: pos.longitude };
  } catch {
    return null;
  }
}

/** A map page for a place: AMap's web link (opens the app when installed); GCJ-02 is its coordinate system. */
export function mapLink(p: GeoPoint, name: string): string {
  return `https://uri.amap.com/marker?position=${p.lng},${p.lat}&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=1`;
}

/** Opens the place in a map: WeChat's own map view, or the map link in a new tab. */
export function openMap(p: GeoPoint, name: string, address: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(mapLink(p, name), '_blank', 'noopener');
    return;
  }
  void Taro.openLocation({ latitude: p.lat, longitude: p.lng, name, address, scale: 16 }).catch(() => undefined);
}
