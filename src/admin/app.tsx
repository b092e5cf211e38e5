// The admin panel: Chinese first, and the features' admin parts (src/features/<name>/admin).
import type { StrapiApp } from '@strapi/strapi/admin';
import type { AdminPart, AdminTranslations } from './admin-part';
import { editingAdmin } from '../features/editing/admin';
import { reviewAdmin } from '../features/review/admin';
import { inspectionAdmin } from '../features/inspection/admin';
import { importAdmin } from '../features/import/admin';
import { clicksAdmin } from '../features/clicks/admin';
import { rebuildAdmin } from '../features/rebuild/admin';
import { freshnessAdmin } from '../features/freshness/admin';
import { auditAdmin } from '../features/audit/admin';
import { versionsAdmin } from '../features/versions/admin';
import { contentNames } from './content-names';
import { editViewInOneLanguage } from './edit-view-language';
import { localesColumnInOneLanguage } from './locales-column';
import zhHans from './translations/zh-Hans.json';
import en from './translations/en.json';

// In this order: the menu links read 栏目更新检查, 操作日志, 待我审核; the edit view's side
// panels 审核, 发布检查, 识别引语, 点击率, 版本记录; the list view's columns 点击率, then delivery states.
const PARTS: AdminPart[] = [
  editingAdmin,
  freshnessAdmin,
  auditAdmin,
  reviewAdmin,
  inspectionAdmin,
  importAdmin,
  clicksAdmin,
  versionsAdmin,
  rebuildAdmin,
];

const NAMES = contentNames();

/** Strapi's own strings (translations/<language>.json), the types' and fields' names, and every feature's strings, by language. */
const translationsIn = (language: keyof AdminTranslations, own: Record<string, string>) =>
  Object.assign({}, own, NAMES[language], ...PARTS.map((part) => part.translations?.[language] ?? {})) as Record<string, string>;

export default {
  config: {
    // English is always offered; editors work in Chinese first.
    locales: ['zh-Hans'],
    // Strapi's own strings that its zh-Hans files leave in English (the content manager's
    // are all missing there), and a few it words in a way that misleads here, in either language.
    translations: { 'zh-Hans': translationsIn('zh-Hans', zhHans), en: translationsIn('en', en) },
    // No "new Strapi release" check: it asks api.github.com from every editor's browser on every
    // page (an agency's network may not reach it, and upgrades are the operators' business:
    // docs/upgrading-strapi.md).
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // Chinese first: the admin, its login and registration pages included, opens in
    // Chinese until someone picks another language (Strapi's default is English).
    if (!window.localStorage.getItem('strapi-admin-language')) window.localStorage.setItem('strapi-admin-language', 'zh-Hans');
    for (const part of PARTS) part.register?.(app);
  },
  bootstrap(app: StrapiApp) {
    for (const part of PARTS) part.bootstrap?.(app);
    // After i18n's own hook (plugins bootstrap before the app).
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', editViewInOneLanguage);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', localesColumnInOneLanguage);
  },
};
