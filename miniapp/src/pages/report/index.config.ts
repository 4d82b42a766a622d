export default definePageConfig({ navigationBarTitleText: 'M餐' });
