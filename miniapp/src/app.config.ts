export default defineAppConfig({
  pages: ['pages/home/index'],
  window: {
    navigationBarTitleText: 'M餐',
    navigationBarBackgroundColor: '#d9480f',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f4',
    backgroundTextStyle: 'dark',
  },
});
