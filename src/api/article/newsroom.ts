// The article type's settings (src/utils/type-settings.ts reads them).
import type { ComponentSettings, TypeSettings } from '../../utils/type-settings';

/** The article's uid, for the few places that are about articles themselves (clicks, schedule, 信息公开, quotes). */
export const ARTICLE_UID = 'api::article.article' as const;

const settings: TypeSettings = {
  uid: ARTICLE_UID,
  labels: { zh: '稿件', en: 'Article' },
  publicRead: true,
  // The site's feed and the 栏目 feeds (/api/feeds/articles.rss, /api/channels/:slug/feed.rss).
  feed: {
    name: 'articles',
    ids: { item: 'article', feed: 'site' },
    path: { config: 'articlePath' },
    channels: true,
    fields: {
      title: 'title',
      subtitle: 'subtitle',
      slug: 'slug',
      summary: 'summary',
      body: 'body',
      author: 'source',
      date: 'publishDate',
      image: 'cover',
      channel: 'channel',
    },
  },
  inspect: {
    // 原网站点击率 too: readers see it in 点击率 (a number: no text to check).
    fields: ['title', 'subtitle', 'summary', 'body', 'source', 'author', 'legacyClickCount'],
    relations: ['quotes', 'commendedUnits', 'commendedIndividuals'],
    media: ['cover', 'attachments'],
    // 信息公开 as the reader's table shows it; 索引号 and 机构代码 are checked by their own rules.
    components: { disclosure: ['publishingOrganization', 'topic', 'documentNumber'] },
    facts: true,
  }, // 三审: every article passes 初审, 复审 and 终审 before it is published.
  review: 'own',

  slug: { field: 'slug', from: 'title' },
  rebuild: true,
  seed: {
    group: 'articles',
    ref: 'article',
    order: 5,
    match: (entry) => ({ slug: entry.data?.slug }),
  },
  admin: {
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
      publishDate: {
        label: '发布时间',
        description: '读者看到的发布时间；留空则取首次发布时间（定时发布的稿件取定时发布时间），重新发布不改变（Publish date）',
      },
      publishAt: {
        label: '定时发布',
        description: '到时自动发布这一语言版本，须通过发布检查；发布后清空。发布时间不能晚于它（Publish at）',
      },
      unpublishAt: {
        label: '到期下线',
        description: '到时自动撤下这一语言版本（保留草稿），须晚于定时发布（Unpublish at）',
      },
      scheduleError: {
        label: '定时任务未执行',
        description:
          '由系统填写：定时发布或到期下线未执行的原因。修改稿件并保存后，下一次检查时重新执行（Schedule refused, set by the server）',
        editable: false,
      },
      scheduledBy: {
        label: '定时设置人',
        description: '由系统填写：设置或确认定时发布、到期下线的人，定时任务以其名义执行并记入操作日志（Scheduled by, set by the server）',
        editable: false,
      },
      legacyClickCount: { label: '原网站点击率', description: '从旧网站迁移的点击数，计入总点击率（Legacy click count）' },
      legacyKey: { label: '原网页', description: '由导入工具填写：原网页地址或文件，再次导入时据此更新而不重复（Imported from）' },
      disclosure: {
        label: '信息公开',
        description: '属于政府信息公开目录的稿件填写此项；首次发布时自动生成索引号，各语言版本共用（Government information disclosure）',
      },
      cover: { label: '封面图', description: '列表、订阅中使用的图片（Cover image）' },
      attachments: { label: '附件', description: '文件、图片等附件（Attachments）' },
      channel: { label: '所属栏目', description: '如“上级工作动态”；决定页面上的“当前位置”（Channel）', mainField: 'name' },
      quotes: { label: '讲话摘录', description: '文中引用的讲话，在“讲话摘录”中新建并关联本文（Quotes）', mainField: 'speakerName' },
      commendedUnits: { label: '提及的先进集体', description: '文中提及的受表彰单位（Commended units）', mainField: 'name' },
      commendedIndividuals: { label: '提及的先进个人', description: '文中提及的受表彰个人（Commended individuals）', mainField: 'name' },
    },
    // Locales (Available in), 审核阶段, 点击率 and status follow, added by Strapi and src/admin:
    // together they fit a 1440 px screen. 定时发布, 到期下线 and 定时任务未执行 are not default
    // columns (most articles have none): the list's column picker adds them.
    list: ['title', 'channel', 'publishDate'],
    edit: [
      [
        ['title', 8],
        ['subtitle', 4],
      ],
      [
        ['slug', 6],
        ['channel', 6],
      ],
      [
        ['source', 4],
        ['author', 4],
        ['publishDate', 4],
      ],
      [
        ['publishAt', 4],
        ['unpublishAt', 4],
        ['scheduleError', 4],
      ],
      [['summary', 12]],
      [['body', 12]],
      [
        ['cover', 6],
        ['attachments', 6],
      ],
      [
        ['quotes', 6],
        ['legacyClickCount', 6],
      ],
      [
        ['commendedUnits', 6],
        ['commendedIndividuals', 6],
      ],
      [['disclosure', 12]],
      [['legacyKey', 12]],
    ],
  },
};

/** The 信息公开 component (src/components/disclosure/metadata.json), edited inside an article. */
const disclosureMetadata: ComponentSettings = {
  uid: 'disclosure.metadata',
  admin: {
    mainField: 'publishingOrganization',
    fields: {
      indexNumber: {
        label: '索引号',
        description: '首次发布时由系统按“机构代码/年份-序号”生成，不能修改，之后不再改变（Index number, assigned by the server）',
        editable: false,
      },
      organizationCode: {
        label: '机构代码',
        description: '发布机构的 9 位组织机构代码或 18 位统一社会信用代码，大写字母和数字（Organization code）',
        placeholder: '11330000002482365P',
      },
      publishingOrganization: { label: '发布机构', description: '如“浙江省机关事务管理局”（Publishing organization）' },
      topic: { label: '主题分类', description: '如“综合政务”“机关事务”（Topic）' },
      documentNumber: {
        label: '文号',
        description: '年份用六角括号〔〕，如“浙政办发〔2022〕12号”；[]、【】、（）会自动改为〔〕；无文号留空（Document number）',
        placeholder: '浙政办发〔2022〕12号',
      },
      writtenDate: { label: '成文日期', description: '文件落款日期（Date written）' },
      validity: { label: '有效性', description: 'effective 有效 / expired 失效 / repealed 废止（Validity）' },
      disclosureMethod: { label: '公开方式', description: 'proactive 主动公开 / on_request 依申请公开（Disclosure method）' },
    },
    edit: [
      [
        ['indexNumber', 6],
        ['organizationCode', 6],
      ],
      [
        ['publishingOrganization', 6],
        ['topic', 6],
      ],
      [
        ['documentNumber', 6],
        ['writtenDate', 6],
      ],
      [
        ['validity', 6],
        ['disclosureMethod', 6],
      ],
    ],
  },
};

export default [settings, disclosureMetadata];
