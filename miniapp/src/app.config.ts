/** The admin area's pages (H5 only, see subPackages). */
const adminPages = [
  'signin/index',
  'attention/index',
  'providers/index',
  'provider/index',
  'offering/index',
  'verifications/index',
  'reports/index',
  'catalogue/index',
  'points/index',
  'leaderboards/index',
  'impact/index',
  'audit/index',
  'profile/index',
  'accounts/index',
];

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/provider/index',
    'pages/voucher/index',
    'pages/bookings/index',
    'pages/verify/index',
    'pages/walkin/index',
    'pages/phone/index',
    'pages/report/index',
  ],
  // Staff pages load only when staff open them: the recipients' main package stays small.
  subPackages: [
    {
      root: 'staff',
      pages: ['signin/index', 'scan/index', 'today/index', 'poster/index', 'points/index', 'thanks/index', 'catalog/index', 'exchanges/index'],
    },
    // The administrators' desk is a browser app on a desktop: built into H5 only, so none of it
    // reaches the mini-program's packages (and in H5 it is its own chunks, loaded when opened).
    ...(process.env.TARO_ENV === 'h5' ? [{ root: 'admin', pages: adminPages }] : []),
    // 爱心榜 and certificates: opened from the home page or a scanned shop sign, loaded on demand.
    {
      root: 'impact',
      pages: ['board/index', 'certificate/index'],
    },
  ],
  // H5: no sliding page transition. During the slide both pages sit side by side, the document
  // grows to ~750 px on a 390 px phone, and a sideways swipe moves the app into blank space.
  animation: false,
  // "Nearest first" asks for the position (WeChat requires both declarations).
  permission: { 'scope.userLocation': { desc: '用于按距离排列附近的餐厅' } },
  requiredPrivateInfos: ['getLocation'],
  // WeChat injects only the components a page declares, instead of every one at start-up. Taro's
  // runtime is compatible: pages render through its templates and the one recursive component
  // (comp), which every page's JSON declares, so nothing a page renders is left out.
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarTitleText: 'M餐',
    navigationBarBackgroundColor: '#c2410c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f4',
    backgroundTextStyle: 'dark',
  },
});
