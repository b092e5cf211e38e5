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
import zhHans from './translations/zh-Hans.json';

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

/** Strapi's own strings (zh-Hans.json) and every feature's, by language. */
const translationsIn = (language: keyof AdminTranslations, own: Record<string, string>) =>
  Object.assign({}, own, ...PARTS.map((part) => part.translations?.[language] ?? {})) as Record<string, string>;

export default {
  config: {
    // English is always offered; editors work in Chinese first.
    locales: ['zh-Hans'],
    // Strapi's own strings that its zh-Hans files leave in English (the content manager's
    // are all missing there), and a few it translates in a way that misleads here.
    translations: { 'zh-Hans': translationsIn('zh-Hans', zhHans), en: translationsIn('en', {}) },
  },
  register(app: StrapiApp) {
    // Chinese first: the admin, its login and registration pages included, opens in
    // Chinese until someone picks another language (Strapi's default is English).
    if (!window.localStorage.getItem('strapi-admin-language')) window.localStorage.setItem('strapi-admin-language', 'zh-Hans');
    for (const part of PARTS) part.register?.(app);
  },
  bootstrap(app: StrapiApp) {
    for (const part of PARTS) part.bootstrap?.(app);
  },
};
