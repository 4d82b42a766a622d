export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/provider/index',
    'pages/voucher/index',
    'pages/bookings/index',
    'pages/verify/index',
    'pages/walkin/index',
  ],
  // Staff pages load only when staff open them: the recipients' main package stays small.
  subPackages: [
    {
      root: 'staff',
      pages: ['signin/index', 'scan/index', 'today/index', 'poster/index', 'points/index'],
    },
  ],
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
