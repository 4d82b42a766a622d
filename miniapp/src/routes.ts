// Every page's URL, once. Pages navigate with `go.to(routes.voucher(id))`, never with a string
// literal, so a renamed page is one edit here (and app.config.ts lists the same paths).
import Taro from '@tarojs/taro';

/** The page files, as app.config.ts registers them (the staff area is a sub-package). */
export const pagePaths = {
  home: '/pages/home/index',
  provider: '/pages/provider/index',
  voucher: '/pages/voucher/index',
  bookings: '/pages/bookings/index',
  verify: '/pages/verify/index',
  walkIn: '/pages/walkin/index',
  phoneSignIn: '/pages/phone/index',
  report: '/pages/report/index',
  staffSignIn: '/staff/signin/index',
  staffScan: '/staff/scan/index',
  staffToday: '/staff/today/index',
  staffPoster: '/staff/poster/index',
  staffPoints: '/staff/points/index',
  staffCatalog: '/staff/catalog/index',
  staffExchanges: '/staff/exchanges/index',
  staffThanks: '/staff/thanks/index',
  // The admin desk: an H5-only sub-package (app.config.ts).
  adminSignIn: '/admin/signin/index',
  adminAttention: '/admin/attention/index',
  adminProviders: '/admin/providers/index',
  adminProvider: '/admin/provider/index',
  adminOffering: '/admin/offering/index',
  adminVerifications: '/admin/verifications/index',
  adminCatalogue: '/admin/catalogue/index',
  adminPoints: '/admin/points/index',
  adminLeaderboards: '/admin/leaderboards/index',
  adminImpact: '/admin/impact/index',
  adminAudit: '/admin/audit/index',
  adminProfile: '/admin/profile/index',
  adminAccounts: '/admin/accounts/index',
  adminReports: '/admin/reports/index',
  board: '/impact/board/index',
  certificate: '/impact/certificate/index',
} as const;
export type PageName = keyof typeof pagePaths;

/** `/pages/voucher/index` + {id: 'b 1'} → `/pages/voucher/index?id=b%201` (empty values left out). */
export function withQuery(path: string, query: Record<string, string | undefined> = {}): string {
  const search = Object.entries(query)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

/**
 * This page's query as `withQuery` wrote it, decoded: Taro hands the parameters over still
 * percent-encoded (a search for 爱心面馆 would arrive as %E7%88%B1…).
 */
export function pageParams(): Record<string, string | undefined> {
  const raw = (Taro.getCurrentInstance().router?.params ?? {}) as Record<string, string | undefined>;
  const decoded = (v: string) => {
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  };
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === undefined ? v : decoded(v)]));
}

/** URLs to open, with their parameters. */
export const routes = {
  home: () => pagePaths.home,
  provider: (id: string) => withQuery(pagePaths.provider, { id }),
  voucher: (id: string) => withQuery(pagePaths.voucher, { id }),
  bookings: () => pagePaths.bookings,
  verify: () => pagePaths.verify,
  /** `poster` pre-fills the walk-in page (a scanned poster URL carries it). */
  walkIn: (poster?: string) => withQuery(pagePaths.walkIn, { poster }),
  phoneSignIn: () => pagePaths.phoneSignIn,
  /** Report a food-safety problem about a provider, optionally about one of my meals there. */
  report: (provider: string, booking?: string) => withQuery(pagePaths.report, { provider, booking }),
  /** `expired`: the session ran out (the page says so). */
  staffSignIn: (expired = false) => withQuery(pagePaths.staffSignIn, { expired: expired ? '1' : undefined }),
  staffScan: () => pagePaths.staffScan,
  staffToday: () => pagePaths.staffToday,
  staffPoster: () => pagePaths.staffPoster,
  staffPoints: () => pagePaths.staffPoints,
  /** Ingredients to order with points. */
  staffCatalog: () => pagePaths.staffCatalog,
  /** The provider's orders and their status; `placed` names an order just made (the page says so). */
  staffExchanges: (placed?: string) => withQuery(pagePaths.staffExchanges, { placed }),
  staffThanks: () => pagePaths.staffThanks,
  /** `reason`: why the desk was sent back here (the page says so), e.g. a password just changed. */
  adminSignIn: (reason?: 'password' | 'expired') => withQuery(pagePaths.adminSignIn, { reason }),
  adminAttention: () => pagePaths.adminAttention,
  /** The list, optionally opened with a filter (e.g. `{status: 'PENDING'}` from Needs attention). */
  adminProviders: (filter: { status?: string; district?: string; kind?: string; q?: string; documents?: 'due' } = {}) => withQuery(pagePaths.adminProviders, filter),
  /** One provider; without an id, the form for a new one. */
  adminProvider: (id?: string) => withQuery(pagePaths.adminProvider, { id }),
  /** A provider's offering contract; without an offering id, a new one. */
  adminOffering: (provider: string, offering?: string) => withQuery(pagePaths.adminOffering, { provider, offering }),
  adminVerifications: (status?: string) => withQuery(pagePaths.adminVerifications, { status }),
  /** The catalogue and the exchanges in one status (PENDING when left out). */
  adminCatalogue: (status?: string) => withQuery(pagePaths.adminCatalogue, { status }),
  /** A provider's points ledger; without a provider, the page to pick one. */
  adminPoints: (provider?: string) => withQuery(pagePaths.adminPoints, { provider }),
  adminLeaderboards: () => pagePaths.adminLeaderboards,
  adminImpact: () => pagePaths.adminImpact,
  /** The audit log, optionally filtered (e.g. `{target: providerId}` from a provider's page). */
  adminAudit: (filter: { actor?: string; action?: string; target?: string; provider?: string; from?: string; to?: string } = {}) => withQuery(pagePaths.adminAudit, filter),
  /** The signed-in administrator's own account; `mustChange`: a reset password must be replaced first (the page says so). */
  adminProfile: (mustChange = false) => withQuery(pagePaths.adminProfile, { mustChange: mustChange ? '1' : undefined }),
  /** The programme office's administrator accounts (owners). */
  adminAccounts: () => pagePaths.adminAccounts,
  /** Food-safety reports, open or closed (open by default). */
  adminReports: (status?: string) => withQuery(pagePaths.adminReports, { status }),
  board: () => pagePaths.board,
  /** One provider's badge in one published leaderboard version: what a shop's 爱心企业 sign links to. */
  certificate: (c: { period: string; key: string; version: number; provider: string }) =>
    withQuery(pagePaths.certificate, { period: c.period, key: c.key, version: String(c.version), provider: c.provider }),
} as const;

// Navigation failures (e.g. a double tap while a page opens) are not the user's business.
const quietly = (p: Promise<unknown>) => void p.catch(() => undefined);

/** The four ways to move between pages, without the promise noise. */
export const go = {
  /** Opens a page on top of this one (back returns here). */
  to: (url: string) => quietly(Taro.navigateTo({ url })),
  /** Replaces this page (back skips it). */
  replace: (url: string) => quietly(Taro.redirectTo({ url })),
  /** Starts over from this page (the stack is cleared). */
  restart: (url: string) => quietly(Taro.reLaunch({ url })),
  /** Back one page, or home when this page was opened directly. */
  back: () => {
    if (Taro.getCurrentPages().length > 1) quietly(Taro.navigateBack());
    else quietly(Taro.reLaunch({ url: routes.home() }));
  },
};
