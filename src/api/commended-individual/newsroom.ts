// The commended-individual type's settings (src/utils/type-settings.ts reads them).
import type { TypeSettings } from '../../utils/type-settings';

const settings: TypeSettings = {
  uid: 'api::commended-individual.commended-individual',
  labels: { zh: '先进个人', en: 'Individual' },
  publicRead: true,
  inspect: { fields: ['name', 'organization', 'position', 'city'] },
  // 三审: a commended individual is public on its own page and lists, so it is reviewed on its own.
  review: 'own',
  rebuild: true,
  seed: {
    group: 'commendedIndividuals',
    ref: 'commendedIndividual',
    order: 4,
    match: (_entry, primary) => ({ name: primary.name }),
  },
  admin: {
    mainField: 'name',
    fields: {
      name: { label: '姓名', description: '如“莫佳佳”（Name）' },
      organization: { label: '单位', description: '（Organization）' },
      position: { label: '职务', description: '（Position）' },
      city: { label: '地市', description: '（City）' },
      commendation: { label: '所获表彰', description: '（Commendation）', mainField: 'title' },
      articles: { label: '提及的文章', description: '（Articles）', mainField: 'title' },
      quotes: { label: '讲话摘录', description: '（Quotes）', mainField: 'speakerName' },
    },
    list: ['name', 'organization', 'city', 'commendation'],
    edit: [
      [
        ['name', 6],
        ['city', 6],
      ],
      [
        ['organization', 6],
        ['position', 6],
      ],
      [
        ['commendation', 6],
        ['articles', 6],
      ],
      [['quotes', 6]],
    ],
  },
};

export default settings;
