// The channel type's settings (src/utils/type-settings.ts reads them).
import type { TypeSettings } from '../../utils/type-settings';

const settings: TypeSettings = {
  uid: 'api::channel.channel',
  labels: { zh: '栏目', en: 'Channel' },
  publicRead: true,
  inspect: { fields: ['name', 'description'] },
  // 三审: a channel is site structure set by administrators, not news; not reviewed.
  review: 'none',
  slug: { field: 'slug', from: 'name' },
  rebuild: true,
  seed: {
    group: 'channels',
    ref: 'channel',
    order: 1,
    match: (entry) => ({ slug: entry.data?.slug }),
  },
  admin: {
    mainField: 'name',
    defaultSortBy: 'sortOrder',
    defaultSortOrder: 'ASC',
    fields: {
      name: { label: '栏目名称', description: '如“工作动态”（Name）' },
      slug: { label: '网址别名', description: '留空则按名称拼音自动生成（URL slug）' },
      description: { label: '栏目说明', description: '订阅源和栏目页的简介（Description）' },
      sortOrder: { label: '排序', description: '同级栏目中数字小的在前（Sort order）' },
      // Strapi shows an enumeration's keys as they are: the description names each one.
      updateClass: {
        label: '更新类别',
        description:
          '栏目检查的更新要求：news 动态要闻（2 周内须更新）、notice 通知公告（6 个月）、policy 政策文件（6 个月）、personnel 人事规划（1 年）、topic 专题（不限期，但不能空白）、none 不检查（如首页、仅作导航的栏目）；各语言相同（Update class）',
      },
      parent: { label: '上级栏目', description: '如“工作动态”的上级是“首页”；不能选自己或下级（Parent）', mainField: 'name' },
      children: { label: '下级栏目', description: '（Sub-channels）', mainField: 'name' },
      articles: { label: '栏目文章', description: '（Articles）', mainField: 'title' },
    },
    list: ['name', 'parent', 'updateClass', 'sortOrder', 'slug'],
    edit: [
      [
        ['name', 6],
        ['slug', 6],
      ],
      [
        ['parent', 6],
        ['sortOrder', 6],
      ],
      [['updateClass', 6]],
      [['description', 12]],
      [
        ['children', 6],
        ['articles', 6],
      ],
    ],
  },
};

export default settings;
