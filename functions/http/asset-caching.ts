/**
 * How the built H5 app is cached, wherever it is served (the local server and CloudFront share
 * this): file names carrying a content hash never change, so browsers keep them a year; the page
 * that names them must be revalidated every time, or a new release would not show.
 */
const HASHED = /\.[0-9a-f]{8}\.(?:js|css)$/;

export const assetCacheControl = {
  hashed: 'public, max-age=31536000, immutable',
  page: 'no-cache',
  other: 'public, max-age=3600',
} as const;

export function cacheControlFor(path: string): string {
  if (path === '' || path === '/' || path.endsWith('index.html')) return assetCacheControl.page;
  return HASHED.test(path) ? assetCacheControl.hashed : assetCacheControl.other;
}

/** Text worth compressing (images and fonts already are). */
export const compressibleExtensions = ['.html', '.js', '.css', '.json', '.svg', '.map', '.txt'] as const;
