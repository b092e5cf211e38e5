// The commended-unit type's settings (src/utils/type-settings.ts reads them).
import type { TypeSettings } from '../../utils/type-settings';

const settings: TypeSettings = {
  uid: 'api::commended-unit.commended-unit',
  labels: { zh: '先进集体', en: 'Unit' },
  publicRead: true,
  inspect: { fields: ['name', 'city', 'district'] },
  // 三审: a commended unit is public on its own page and lists, so it is reviewed on its own.
  review: 'own',
  rebuild: true,
  seed: {
    group: 'commendedUnits',
    ref: 'commendedUnit',
    order: 3,
    match: (_entry, primary) => ({ name: primary.name }),
  },
  admin: {
    mainField: 'name',
    fields: {
      name: { label: '单位名称', description: '如“温州市龙湾区机关事务管理中心”（Name）' },
      city: { label: '地市', description: '如“温州市”（City）' },
      district: { label: '区县', description: '如“龙湾区”（County or district）' },
      commendation: { label: '所获表彰', description: '（Commendation）', mainField: 'title' },
      articles: { label: '提及的文章', description: '（Articles）', mainField: 'title' },
    },
    list: ['name', 'city', 'district', 'commendation'],
    edit: [
      [['name', 12]],
      [
        ['city', 6],
        ['district', 6],
      ],
      [
        ['commendation', 6],
        ['articles', 6],
      ],
    ],
  },
};

export default settings;
