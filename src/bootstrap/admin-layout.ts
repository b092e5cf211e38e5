// The content manager as Chinese-speaking editors need it: a Chinese label and a
// description for every field, list columns and edit-view groups that follow the
// page an article becomes. Applied when a type's layout below changes (a hash of it is
// stored), so what administrators rearrange afterwards ("Configure the view") is kept
// until the project ships a new layout for that type.
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';

type Field = { label: string; description?: string; placeholder?: string; mainField?: string };
type Layout = {
  fields: Record<string, Field>;
  list?: string[];
  edit?: Array<Array<[string, number]>>;
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  /** Every field shown but not editable (a log written by the system). */
  readOnly?: boolean;
};

const LAYOUTS: Record<string, Layout> = {
  'api::article.article': {
    mainField: 'title',
    defaultSortBy: 'publishDate',
    defaultSortOrder: 'DESC',
    fields: {
      title: { label: '标题', description: '主标题，如“感恩奋进 实干争先”（Title）' },
      subtitle: { label: '副标题', description: '“——”之后的部分，如“全省机关事务工作会议侧记”（Subtitle）' },
      slug: { label: '网址别名', description: '文章网址的一部分，留空则按标题拼音自动生成（URL slug）' },
      summary: { label: '摘要', description: '列表和订阅中显示的简短介绍（Summary）' },
      body: { label: '正文', description: '段落与小标题；讲话原文另在“讲话摘录”中录入（Body）' },
      source: { label: '来源', description: '发稿单位及部门，如“浙江省机关事务管理局 办公室”（Source）' },
      author: { label: '作者', description: '可选（Author）' },
      publishDate: { label: '发布时间', description: '读者看到的发布时间；留空则取首次发布时间，重新发布不改变（Publish date）' },
      legacyClickCount: { label: '原网站点击率', description: '从旧网站迁移的点击数，计入总点击率（Legacy click count）' },
      cover: { label: '封面图', description: '列表、订阅中使用的图片（Cover image）' },
      attachments: { label: '附件', description: '文件、图片等附件（Attachments）' },
      channel: { label: '所属栏目', description: '如“上级工作动态”；决定页面上的“当前位置”（Channel）', mainField: 'name' },
      quotes: { label: '讲话摘录', description: '文中引用的讲话，在“讲话摘录”中新建并关联本文（Quotes）', mainField: 'speakerName' },
      commendedUnits: { label: '提及的先进集体', description: '文中提及的受表彰单位（Commended units）', mainField: 'name' },
      commendedIndividuals: { label: '提及的先进个人', description: '文中提及的受表彰个人（Commended individuals）', mainField: 'name' },
    },
    // Status, locales (Available in) and 点击率 columns follow, added by Strapi and src/admin.
    list: ['title', 'channel', 'publishDate'],
    edit: [
      [['title', 8], ['subtitle', 4]],
      [['slug', 6], ['channel', 6]],
      [['source', 4], ['author', 4], ['publishDate', 4]],
      [['summary', 12]],
      [['body', 12]],
      [['cover', 6], ['attachments', 6]],
      [['quotes', 6], ['legacyClickCount', 6]],
      [['commendedUnits', 6], ['commendedIndividuals', 6]],
    ],
  },
  'api::channel.channel': {
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
      [['name', 6], ['slug', 6]],
      [['parent', 6], ['sortOrder', 6]],
      [['description', 12]],
      [['children', 6], ['articles', 6]],
    ],
  },
  'api::speaker-quote.speaker-quote': {
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
      commendedIndividual: { label: '对应先进个人', description: '讲话人本身是受表彰个人时选择（Commended individual）', mainField: 'name' },
    },
    list: ['speakerName', 'speakerOrganization', 'article', 'order'],
    edit: [
      [['text', 12]],
      [['speakerName', 4], ['speakerPosition', 4], ['speakerOrganization', 4]],
      [['article', 6], ['order', 6]],
      [['commendedIndividual', 6]],
    ],
  },
  'api::commendation.commendation': {
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
      units: { label: '先进集体', description: '（Units）', mainField: 'name' },
      individuals: { label: '先进个人', description: '（Individuals）', mainField: 'name' },
    },
    list: ['title', 'conferredBy', 'level', 'date'],
    edit: [
      [['title', 8], ['slug', 4]],
      [['conferredBy', 4], ['date', 4], ['documentNumber', 4]],
      [['level', 4], ['unitQuota', 4], ['individualQuota', 4]],
      [['units', 6], ['individuals', 6]],
    ],
  },
  'api::commended-unit.commended-unit': {
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
      [['city', 6], ['district', 6]],
      [['commendation', 6], ['articles', 6]],
    ],
  },
  'api::commended-individual.commended-individual': {
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
      [['name', 6], ['city', 6]],
      [['organization', 6], ['position', 6]],
      [['commendation', 6], ['articles', 6]],
      [['quotes', 6]],
    ],
  },
  'api::rebuild.rebuild-target': {
    mainField: 'name',
    fields: {
      name: { label: '名称', description: '如“门户网站”（Name）' },
      url: { label: '构建钩子地址', description: '静态站点的 build hook URL（Build hook URL）' },
      secret: {
        label: '签名密钥',
        description: 'Standard Webhooks 密钥，形如 whsec_ 加 Base64；保存后只显示掩码，不改则保留原值，输入新值即替换（Signing secret）',
      },
      headers: { label: '附加请求头', description: 'JSON 对象，如 {"Authorization": "Bearer …"}（Extra headers）' },
      enabled: { label: '启用', description: '（Enabled）' },
    },
    list: ['name', 'enabled', 'updatedAt'],
  },
  'api::rebuild.rebuild-delivery': {
    mainField: 'deliveryId',
    readOnly: true,
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    fields: {
      deliveryId: { label: '投递编号', description: 'webhook-id（Delivery id）' },
      targetName: { label: '目标', description: '（Target）' },
      targetKey: { label: '目标标识', description: '（Target key）' },
      state: { label: '状态', description: 'pending 等待 / delivering 发送中 / succeeded 成功 / failed 失败（State）' },
      attempts: { label: '尝试次数', description: '（Attempts）' },
      lastStatusCode: { label: '响应码', description: '（Last response code）' },
      lastError: { label: '错误', description: '（Last error）' },
      changeCount: { label: '变更数', description: '（Changes）' },
      changes: { label: '变更内容', description: '（Changes carried）' },
      nextAttemptAt: { label: '下次尝试', description: '（Next attempt）' },
      deliveredAt: { label: '送达时间', description: '（Delivered at）' },
    },
    list: ['createdAt', 'targetName', 'state', 'attempts', 'lastStatusCode', 'changeCount'],
  },
};

type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
};
type ContentTypesService = {
  findConfiguration: (contentType: { uid: string }) => Promise<Configuration>;
  updateConfiguration: (contentType: { uid: string }, configuration: Omit<Configuration, never>) => Promise<unknown>;
};

/** A short fingerprint of a layout: a changed layout reaches existing databases. */
export const layoutHash = (layout: Layout) => createHash('sha256').update(JSON.stringify(layout)).digest('hex').slice(0, 16);

export const applyAdminLayouts = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'newsroom', key: 'admin-layout-hashes' });
  const applied = ((await store.get({})) as Record<string, string> | null) ?? {};
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ContentTypesService;
  let changed = false;
  for (const [uid, layout] of Object.entries(LAYOUTS)) {
    const contentType = strapi.contentTypes[uid as 'api::article.article'];
    const hash = layoutHash(layout);
    if (!contentType || applied[uid] === hash) continue;
    const current = await service.findConfiguration(contentType);
    const metadatas = { ...current.metadatas };
    for (const name of Object.keys(metadatas)) {
      const field = layout.fields[name];
      if (!field && !layout.readOnly) continue;
      metadatas[name] = {
        edit: {
          ...metadatas[name].edit,
          ...(field
            ? {
                label: field.label,
                description: field.description ?? '',
                ...(field.placeholder ? { placeholder: field.placeholder } : {}),
                ...(field.mainField ? { mainField: field.mainField } : {}),
              }
            : {}),
          ...(layout.readOnly ? { editable: false } : {}),
        },
        list: {
          ...metadatas[name].list,
          ...(field ? { label: field.label, ...(field.mainField ? { mainField: field.mainField } : {}) } : {}),
        },
      };
    }
    const edit = layout.edit
      ? layout.edit.map((row) => row.filter(([name]) => metadatas[name]).map(([name, size]) => ({ name, size })))
      : current.layouts.edit;
    await service.updateConfiguration(contentType, {
      settings: {
        ...current.settings,
        ...(layout.mainField ? { mainField: layout.mainField } : {}),
        ...(layout.defaultSortBy ? { defaultSortBy: layout.defaultSortBy, defaultSortOrder: layout.defaultSortOrder ?? 'ASC' } : {}),
        pageSize: 20,
      },
      metadatas,
      layouts: {
        list: layout.list ?? current.layouts.list,
        edit: edit.filter((row) => row.length > 0),
      },
    });
    applied[uid] = hash;
    changed = true;
  }
  if (changed) await store.set({ value: applied });
};
