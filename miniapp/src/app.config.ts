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
  // H5: no sliding page transition. During the slide both pages sit side by side, the document
  // grows to ~750 px on a 390 px phone, and a sideways swipe moves the app into blank space.
  animation: false,
  // "Nearest first" asks for the position (WeChat requires both declarations).
  permission: { 'scope.userLocation': { desc: '用于按距离排列附近的餐厅' } },
  requiredPrivateInfos: ['getLocation'],
  window: {
    navigationBarTitleText: 'M餐',
    navigationBarBackgroundColor: '#c2410c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f4',
    backgroundTextStyle: 'dark',
  },
});
