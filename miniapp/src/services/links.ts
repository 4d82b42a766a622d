import { apiBase } from './request';

/**
 * The address anyone can open for an app page (H5, hash router): what a printed QR carries. In the
 * browser it is this site; in the mini-program the site it talks to (TARO_APP_PUBLIC_URL when the
 * public site lives elsewhere), whose links WeChat can hand back to the mini-program.
 */
export function publicPageUrl(pageUrl: string): string {
  const site =
    process.env.TARO_ENV === 'h5' && typeof window !== 'undefined'
      ? `${window.location.origin}${window.location.pathname}`
      : (process.env.TARO_APP_PUBLIC_URL || apiBase || '').replace(/\/+$/, '') + '/';
  return `${site}#${pageUrl}`;
}
