export default definePageConfig({
  navigationBarTitleText: '爱心证书',
});
