/**
 * Reference data for the Futian district, Shenzhen, where the programme began. Sub-districts are
 * data: another district loads its own list the same way (or via PUT /v1/admin/districts/{id}).
 */
export const futianDistricts = [
  { id: 'yuanling', name: '园岭' },
  { id: 'nanyuan', name: '南园' },
  { id: 'futian', name: '福田' },
  { id: 'shatou', name: '沙头' },
  { id: 'meilin', name: '梅林' },
  { id: 'huafu', name: '华富' },
  { id: 'xiangmihu', name: '香蜜湖' },
  { id: 'lianhua', name: '莲花' },
  { id: 'huaqiangbei', name: '华强北' },
  { id: 'fubao', name: '福保' },
] as const;
