import type { OfferingContract, ProviderInput } from '../contract/admin.js';
import { futianDistricts } from './futian.js';

/** Demo restaurants, one per sub-district, plus the M餐 base and a youth station handing out blind boxes. */
const RESTAURANTS: Record<string, [name: string, address: string]> = {
  yuanling: ['园岭家常菜馆', '园岭街道百花二路 18 号'],
  nanyuan: ['南园潮汕粿条', '南园街道滨河路 88 号'],
  futian: ['福田老街面馆', '福田街道福华路 9 号'],
  shatou: ['沙头湘味小厨', '沙头街道沙嘴路 26 号'],
  meilin: ['梅林客家饭店', '梅林街道梅华路 105 号'],
  huafu: ['华富粥粉面', '华富街道华富路 1018 号'],
  xiangmihu: ['香蜜湖简餐', '香蜜湖街道农林路 66 号'],
  lianhua: ['莲花东北饺子馆', '莲花街道红荔路 3001 号'],
  huaqiangbei: ['华强北快餐', '华强北街道振华路 12 号'],
  fubao: ['福保川味馆', '福保街道福田保税区桃花路 5 号'],
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
    input: { name: RESTAURANTS[id]![0], kind: 'restaurant' as const, district: id, address: RESTAURANTS[id]![1], ...docs },
    offerings: [{ id: `demo-${id}-lunch`, contract: lunchSet(10 + (i % 3) * 5) }],
    staff: { username: `staff-${id}`, name: `${RESTAURANTS[id]![0]}店员` },
  })),
  {
    id: 'demo-base',
    input: { name: 'M餐基地', kind: 'base', district: 'futian', address: '福田街道福中三路 2006 号', ...docs },
    offerings: [{ id: 'demo-base-box', contract: blindBox(30) }],
    staff: { username: 'staff-base', name: 'M餐基地值班员' },
  },
  {
    id: 'demo-youth',
    input: { name: '莲花青年驿站', kind: 'youth_station', district: 'lianhua', address: '莲花街道景田路 70 号', ...docs },
    offerings: [{ id: 'demo-youth-box', contract: blindBox(20) }],
    staff: { username: 'staff-youth', name: '青年驿站值班员' },
  },
];

/** Local demo only: every demo staff account signs in with this password (printed on start). */
export const demoStaffPassword = 'mcan-demo';
