// The commendation type's settings (src/utils/type-settings.ts reads them).
import type { TypeSettings } from '../../utils/type-settings';

const settings: TypeSettings = {
  uid: 'api::commendation.commendation',
  labels: { zh: '表彰', en: 'Commendation' },
  publicRead: true,
  inspect: { fields: ['title', 'conferredBy', 'documentNumber'] },
  // 三审: a commendation list is published on its own, so it is reviewed on its own.
  review: 'own',
  slug: { field: 'slug', from: 'title' },
  rebuild: true,
  seed: {
    group: 'commendations',
    ref: 'commendation',
    order: 2,
    match: (entry) => ({ slug: entry.data?.slug }),
  },
  admin: {
    mainField: 'title',
    fields: {
      title: { label: '表彰名称', description: '如“全省机关事务工作先进集体和先进个人”（Title）' },
      slug: { label: '网址别名', description: '留空则按名称拼音自动生成（URL slug）' },
      conferredBy: { label: '表彰单位', description: '如“浙江省人民政府”（Conferred by）' },
      date: { label: '表彰日期', description: '（Date）' },
      documentNumber: { label: '文号', description: '可选，如“浙政发〔2022〕X号”（Document number）' },
      level: { label: '级别', description: 'national 全国 / provincial 省级 / municipal 市级（Level）' },
      unitQuota: { label: '先进集体名额', description: '如 80（Units commended）' },
      individualQuota: { label: '先进个人名额', description: '如 180（Individuals commended）' },
      commendedUnits: { label: '先进集体', description: '（Units）', mainField: 'name' },
      commendedIndividuals: { label: '先进个人', description: '（Individuals）', mainField: 'name' },
    },
    list: ['title', 'conferredBy', 'level', 'date'],
    edit: [
      [
        ['title', 8],
        ['slug', 4],
      ],
      [
        ['conferredBy', 4],
        ['date', 4],
        ['documentNumber', 4],
      ],
      [
        ['level', 4],
        ['unitQuota', 4],
        ['individualQuota', 4],
      ],
      [
        ['commendedUnits', 6],
        ['commendedIndividuals', 6],
      ],
    ],
  },
};

export default settings;
