/**
 * Reference data for the Futian district, Shenzhen, where the programme began. Sub-districts are
 * data: another district loads its own list the same way (or via PUT /v1/admin/districts/{id}).
 * English names are the pinyin the street signs use.
 */
export const futianDistricts = [
  { id: 'yuanling', name: '园岭', nameEn: 'Yuanling' },
  { id: 'nanyuan', name: '南园', nameEn: 'Nanyuan' },
  { id: 'futian', name: '福田', nameEn: 'Futian' },
  { id: 'shatou', name: '沙头', nameEn: 'Shatou' },
  { id: 'meilin', name: '梅林', nameEn: 'Meilin' },
  { id: 'huafu', name: '华富', nameEn: 'Huafu' },
  { id: 'xiangmihu', name: '香蜜湖', nameEn: 'Xiangmihu' },
  { id: 'lianhua', name: '莲花', nameEn: 'Lianhua' },
  { id: 'huaqiangbei', name: '华强北', nameEn: 'Huaqiangbei' },
  { id: 'fubao', name: '福保', nameEn: 'Fubao' },
] as const;
