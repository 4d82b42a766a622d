export default definePageConfig({ navigationBarTitleText: 'M餐 管理台' });
