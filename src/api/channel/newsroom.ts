// The channel type's settings (src/utils/type-settings.ts reads them).
import type { TypeSettings } from '../../utils/type-settings';

const settings: TypeSettings = {
  uid: 'api::channel.channel',
  publicRead: true,
  inspect: { fields: ['name', 'description'] },
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
      parent: { label: '上级栏目', description: '如“工作动态”的上级是“首页”；不能选自己或下级（Parent）', mainField: 'name' },
      children: { label: '下级栏目', description: '（Sub-channels）', mainField: 'name' },
      articles: { label: '栏目文章', description: '（Articles）', mainField: 'title' },
    },
    list: ['name', 'parent', 'sortOrder', 'slug'],
    edit: [
      [
        ['name', 6],
        ['slug', 6],
      ],
      [
        ['parent', 6],
        ['sortOrder', 6],
      ],
      [['description', 12]],
      [
        ['children', 6],
        ['articles', 6],
      ],
    ],
  },
};

export default settings;
