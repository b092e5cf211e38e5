// The speaker-quote type's settings (src/utils/type-settings.ts reads them).
import type { TypeSettings } from '../../utils/type-settings';

const settings: TypeSettings = {
  uid: 'api::speaker-quote.speaker-quote',
  labels: { zh: '引语', en: 'Quote' },
  publicRead: true,
  // The order quotes are shown in and the commended individual named with one are what readers see too.
  inspect: { fields: ['text', 'speakerName', 'speakerPosition', 'speakerOrganization', 'order'], relations: ['commendedIndividual'] },
  // 三审: a quote is reviewed as part of its article and published with it.
  review: 'with-article',
  rebuild: true,
  seed: {
    group: 'quotes',
    ref: 'quote',
    order: 6,
    match: (entry, _primary, refs) => ({
      order: entry.data?.order,
      article: { documentId: refs.get(String(entry.relations?.article)) },
    }),
  },
  admin: {
    mainField: 'speakerName',
    defaultSortBy: 'order',
    defaultSortOrder: 'ASC',
    fields: {
      text: { label: '讲话内容', description: '引号“”内的原话，不含引号（Quote text）' },
      speakerName: { label: '讲话人', description: '姓名，如“谢小云”（Speaker name）' },
      speakerPosition: { label: '职务', description: '如“党组书记、局长”（Position）' },
      speakerOrganization: { label: '单位', description: '如“浙江省机关事务管理局”（Organization）' },
      order: { label: '文中顺序', description: '在文章中出现的次序，1 为第一条（Order）' },
      article: { label: '所属文章', description: '（Article）', mainField: 'title' },
      commendedIndividual: {
        label: '对应先进个人',
        description: '讲话人本身是受表彰个人时选择（Commended individual）',
        mainField: 'name',
      },
    },
    list: ['speakerName', 'speakerOrganization', 'article', 'order'],
    edit: [
      [['text', 12]],
      [
        ['speakerName', 4],
        ['speakerPosition', 4],
        ['speakerOrganization', 4],
      ],
      [
        ['article', 6],
        ['order', 6],
      ],
      [['commendedIndividual', 6]],
    ],
  },
};

export default settings;
