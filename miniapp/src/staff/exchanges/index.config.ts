export default definePageConfig({ navigationBarTitleText: 'M餐', enablePullDownRefresh: true });
