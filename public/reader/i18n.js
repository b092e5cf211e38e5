// Language: the texts of both locales, the chosen locale (remembered) and how times and links carry it.

export const DEFAULT_LOCALE = 'zh-Hans';
const LOCALES = ['zh-Hans', 'en'];
export const PAGE_SIZE = 10;

const TEXT = {
  'zh-Hans': {
    siteName: '浙江省机关事务管理局',
    footer: '浙江省机关事务管理局 版权所有',
    here: '当前位置',
    home: '首页',
    latest: '最新动态',
    popular: '点击排行',
    commendations: '表彰名单',
    source: '来源',
    published: '发布时间',
    clicks: '点击率',
    quotes: '讲话摘录',
    saidBy: '讲话人：',
    attachments: '附件',
    units: '先进集体',
    individuals: '先进个人',
    mentioned: '文中提及的受表彰者',
    feeds: '订阅',
    previous: '上一页',
    next: '下一页',
    page: (n, total) => `第 ${n} / ${total} 页`,
    largeText: '适老化 大字号',
    notFound: {
      article: '没有找到这篇文章。',
      channel: '没有找到这个栏目。',
      commendation: '没有找到这项表彰。',
      page: '没有找到这个页面。',
    },
    noTranslation: '本文暂无中文版本，以下为原文。',
    city: '地市',
    allCities: '全部地市',
    search: '按名称搜索',
    name: '名称',
    region: '地区',
    organization: '单位',
    position: '职务',
    none: '暂无',
    quota: (units, individuals) => `表彰先进集体 ${units} 个、先进个人 ${individuals} 名`,
    conferredBy: '表彰单位',
    channel: '栏目',
    siteSearch: '站内搜索',
    searchButton: '搜索',
    searchTitle: (q) => `“${q}”的搜索结果`,
    searchCount: (n) => `共找到 ${n} 篇文章`,
    searchNone: '没有找到相关文章，请换个词试试。',
    allChannels: '全部栏目',
    sortRelevance: '按相关度',
    sortDate: '按时间',
    disclosure: '信息公开',
    indexNumber: '索引号',
    publishingOrganization: '发布机构',
    topic: '主题分类',
    documentNumber: '文号',
    writtenDate: '成文日期',
    validity: '有效性',
    validityValues: { effective: '有效', expired: '失效', repealed: '废止' },
    disclosureMethod: '公开方式',
    disclosureMethodValues: { proactive: '主动公开', on_request: '依申请公开' },
    publishDate: '发布日期',
    previewNotice: (status) => (status === 'published' ? '预览：已发布的版本' : '预览：草稿，尚未发布，读者看不到'),
    previewNotYetVisible: (time) => `发布时间 ${time} 未到，读者届时才能看到`,
    previewExpired: '预览链接无效或已过期，请在管理后台重新打开预览。',
    previewForbidden: '您已无权查看这篇稿件，预览链接已失效。',
    previewGone: '要预览的版本已不存在。',
  },
  en: {
    siteName: 'Zhejiang Provincial Government Offices Administration',
    footer: 'Zhejiang Provincial Government Offices Administration',
    here: 'You are here',
    home: 'Home',
    latest: 'Latest news',
    popular: 'Most read',
    commendations: 'Commendations',
    source: 'Source',
    published: 'Published',
    clicks: 'Views',
    quotes: 'Quotes',
    saidBy: 'said by ',
    attachments: 'Attachments',
    units: 'Advanced collectives',
    individuals: 'Advanced individuals',
    mentioned: 'Commended in this article',
    feeds: 'Subscribe',
    previous: 'Previous',
    next: 'Next',
    page: (n, total) => `Page ${n} of ${total}`,
    largeText: 'Large text',
    notFound: {
      article: 'This article could not be found.',
      channel: 'This channel could not be found.',
      commendation: 'This commendation could not be found.',
      page: 'This page could not be found.',
    },
    noTranslation: 'This article is not available in English yet; the Chinese original is shown below.',
    city: 'City',
    allCities: 'All cities',
    search: 'Search by name',
    name: 'Name',
    region: 'Region',
    organization: 'Organization',
    position: 'Position',
    none: 'None',
    quota: (units, individuals) => `${units} advanced collectives and ${individuals} advanced individuals commended`,
    conferredBy: 'Conferred by',
    channel: 'Channel',
    siteSearch: 'Search this site',
    searchButton: 'Search',
    searchTitle: (q) => `Search results for “${q}”`,
    searchCount: (n) => `${n} article${n === 1 ? '' : 's'} found`,
    searchNone: 'Nothing found; try other words.',
    allChannels: 'All channels',
    sortRelevance: 'Most relevant',
    sortDate: 'Newest',
    disclosure: 'Government information disclosure',
    indexNumber: 'Index number',
    publishingOrganization: 'Publishing organization',
    topic: 'Topic',
    documentNumber: 'Document number',
    writtenDate: 'Date written',
    validity: 'Validity',
    validityValues: { effective: 'Effective', expired: 'Expired', repealed: 'Repealed' },
    disclosureMethod: 'Disclosure',
    disclosureMethodValues: { proactive: 'Proactive', on_request: 'On request' },
    publishDate: 'Date published',
    previewNotice: (status) =>
      status === 'published' ? 'Preview: the published version' : 'Preview: a draft, not published, not visible to readers',
    previewNotYetVisible: (time) => `dated ${time}: readers see it from then on`,
    previewExpired: 'This preview link is invalid or has expired: open the preview again in the admin panel.',
    previewForbidden: 'You may no longer read this article: the preview link has ended.',
    previewGone: 'The version to preview no longer exists.',
  },
};

// ---- state: locale and large-text mode, both remembered ---------------------------

export const params = new URLSearchParams(location.search);
export const locale = LOCALES.includes(params.get('locale'))
  ? params.get('locale')
  : LOCALES.includes(localStorage.getItem('reader-locale'))
    ? localStorage.getItem('reader-locale')
    : DEFAULT_LOCALE;
export const t = TEXT[locale];
document.documentElement.lang = locale;

export const withLocale = (path) => (locale === DEFAULT_LOCALE ? path : `${path}${path.includes('?') ? '&' : '?'}locale=${locale}`);

/** 发布时间 as the agency shows it: YYYY-MM-DD HH:MM, Beijing time. */
export const formatTime = (iso) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value])
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};
