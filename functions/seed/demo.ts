import type { OfferingContract, ProviderInput } from '../contract/admin.js';
import type { GeoPoint } from '../contract/providers.js';
import { futianDistricts } from './futian.js';

/** Demo restaurants, one per sub-district, plus the M餐 base and a youth station handing out blind boxes. */
/** Name, address, English name, and where it is (GCJ-02, as Chinese maps use). */
const RESTAURANTS: Record<string, [name: string, address: string, nameEn: string, location: GeoPoint]> = {
  yuanling: ['园岭家常菜馆', '园岭街道百花二路 18 号', 'Yuanling Home Kitchen', { lat: 22.5535, lng: 114.098 }],
  nanyuan: ['南园潮汕粿条', '南园街道滨河路 88 号', 'Nanyuan Chaoshan Rice Noodles', { lat: 22.53, lng: 114.09 }],
  futian: ['福田老街面馆', '福田街道福华路 9 号', 'Futian Old Street Noodles', { lat: 22.538, lng: 114.072 }],
  shatou: ['沙头湘味小厨', '沙头街道沙嘴路 26 号', 'Shatou Hunan Kitchen', { lat: 22.523, lng: 114.042 }],
  meilin: ['梅林客家饭店', '梅林街道梅华路 105 号', 'Meilin Hakka Restaurant', { lat: 22.57, lng: 114.06 }],
  huafu: ['华富粥粉面', '华富街道华富路 1018 号', 'Huafu Congee & Noodles', { lat: 22.547, lng: 114.089 }],
  xiangmihu: ['香蜜湖简餐', '香蜜湖街道农林路 66 号', 'Xiangmihu Simple Meals', { lat: 22.542, lng: 114.028 }],
  lianhua: ['莲花东北饺子馆', '莲花街道红荔路 3001 号', 'Lianhua Dongbei Dumplings', { lat: 22.556, lng: 114.061 }],
  huaqiangbei: ['华强北快餐', '华强北街道振华路 12 号', 'Huaqiangbei Fast Food', { lat: 22.545, lng: 114.085 }],
  fubao: ['福保川味馆', '福保街道福田保税区桃花路 5 号', 'Fubao Sichuan House', { lat: 22.515, lng: 114.05 }],
};

const docs = {
  businessLicence: { number: '91440300DEMO0001', expiresOn: '2028-12-31' },
  hygienePermit: { number: 'JY14403040DEMO01', expiresOn: '2028-06-30' },
};

export interface DemoProvider {
  id: string;
  input: ProviderInput;
  offerings: { id: string; contract: OfferingContract }[];
  staff: { username: string; name: string };
}

const everyDay = [1, 2, 3, 4, 5, 6, 7];

const lunchSet = (quota: number): OfferingContract => ({
  name: '午餐套餐',
  kind: 'meal',
  dailyQuota: quota,
  weekdays: everyDay,
  windows: [
    { id: 'lunch', start: '11:30', end: '13:30' },
    { id: 'dinner', start: '17:30', end: '19:30' },
  ],
  standard: '两荤一素 + 米饭 + 例汤',
  valueFen: 2500,
  active: true,
});

const blindBox = (quota: number): OfferingContract => ({
  name: '食物盲盒',
  kind: 'blind_box',
  dailyQuota: quota,
  weekdays: [1, 2, 3, 4, 5],
  windows: [{ id: 'day', start: '10:00', end: '18:00' }],
  standard: '面包、牛奶、水果等，每盒约 3 件',
  valueFen: 1500,
  active: true,
});

export const demoProviders: DemoProvider[] = [
  ...futianDistricts.map(({ id }, i) => ({
    id: `demo-${id}`,
    input: {
      name: RESTAURANTS[id]![0],
      nameEn: RESTAURANTS[id]![2],
      location: RESTAURANTS[id]![3],
      kind: 'restaurant' as const,
      district: id,
      address: RESTAURANTS[id]![1],
      ...docs,
    },
    offerings: [{ id: `demo-${id}-lunch`, contract: lunchSet(10 + (i % 3) * 5) }],
    staff: { username: `staff-${id}`, name: `${RESTAURANTS[id]![0]}店员` },
  })),
  {
    id: 'demo-base',
    input: {
      name: 'M餐基地',
      nameEn: 'M餐 Base',
      location: { lat: 22.541, lng: 114.058 },
      kind: 'base',
      district: 'futian',
      address: '福田街道福中三路 2006 号',
      ...docs,
    },
    offerings: [{ id: 'demo-base-box', contract: blindBox(30) }],
    staff: { username: 'staff-base', name: 'M餐基地值班员' },
  },
  {
    id: 'demo-youth',
    input: {
      name: '莲花青年驿站',
      nameEn: 'Lianhua Youth Station',
      location: { lat: 22.555, lng: 114.045 },
      kind: 'youth_station',
      district: 'lianhua',
      address: '莲花街道景田路 70 号',
      ...docs,
    },
    offerings: [{ id: 'demo-youth-box', contract: blindBox(20) }],
    staff: { username: 'staff-youth', name: '青年驿站值班员' },
  },
];

/** Local demo only: every demo staff account signs in with this password (printed on start). */
export const demoStaffPassword = 'mcan-demo';

/** Local demo only: one administrator of each other role, so the office can be tried (the same password). */
export const demoOffice = [
  { id: 'a-officer-futian', username: 'officer-futian', name: '福田街道专员', adminRole: 'officer' as const, districts: ['futian'] },
  { id: 'a-clerk', username: 'clerk', name: '物资文员', adminRole: 'clerk' as const, districts: [] },
  { id: 'a-analyst', username: 'analyst', name: '数据分析员', adminRole: 'analyst' as const, districts: [] },
];

/** The demo ingredient catalogue: what points buy. */
export const demoCatalog = [
  { id: 'rice-5kg', name: '东北大米 5 kg', unit: '袋', points: 60, stock: 40, active: true },
  { id: 'oil-5l', name: '花生油 5 L', unit: '桶', points: 90, stock: 25, active: true },
  { id: 'veg-box', name: '时令蔬菜箱', unit: '箱', points: 30, stock: 60, active: true },
  { id: 'flour-10kg', name: '面粉 10 kg', unit: '袋', points: 70, stock: 0, active: true },
];
