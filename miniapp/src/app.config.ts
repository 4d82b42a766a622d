export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/provider/index',
    'pages/voucher/index',
    'pages/bookings/index',
    'pages/verify/index',
    'pages/walkin/index',
    'pages/phone/index',
  ],
  // Staff pages load only when staff open them: the recipients' main package stays small.
  subPackages: [
    {
      root: 'staff',
      pages: ['signin/index', 'scan/index', 'today/index', 'poster/index', 'points/index'],
    },
  ],
  window: {
    navigationBarTitleText: 'M餐',
    navigationBarBackgroundColor: '#c2410c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f4',
    backgroundTextStyle: 'dark',
  },
});
