import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock, ClockCounterClockwise, Feather } from '@strapi/icons';
import { addClickColumn } from '../features/clicks/admin/ClickColumn';
import { ClickPanel } from '../features/clicks/admin/ClickPanel';
import { QuotePanel } from '../features/import/admin/QuotePanel';
import { InspectionPanel } from '../features/inspection/admin/InspectionPanel';
import { ReviewPanel } from '../features/review/admin/ReviewPanel';
import { RebuildNowButton } from '../features/rebuild/admin/RebuildNowButton';
import { translateDeliveryStates } from '../features/rebuild/admin/DeliveryStateColumn';
import { openContentManagerOnArticles } from '../features/editing/admin/OpenOnArticles';
import zhHans from './translations/zh-Hans.json';
import { sendDraftVersions } from '../features/editing/admin/draft-version';

export default {
  config: {
    // English is always offered; editors work in Chinese first.
    locales: ['zh-Hans'],
    // Strapi's own strings that its zh-Hans files leave in English (the content manager's
    // are all missing there), and a few it translates in a way that misleads here.
    translations: { 'zh-Hans': zhHans },
  },
  register(app: StrapiApp) {
    // Chinese first: the admin, its login and registration pages included, opens in
    // Chinese until someone picks another language (Strapi's default is English).
    if (!window.localStorage.getItem('strapi-admin-language')) window.localStorage.setItem('strapi-admin-language', 'zh-Hans');
    // /content-manager opens on 稿件 (the plugins registered their routes before this runs).
    app.router.addRoute(openContentManagerOnArticles as never);
    // Before the content manager's first request: its saves name the version of the draft they edit.
    sendDraftVersions();
  },
  bootstrap(app: StrapiApp) {
    // The content-manager's plugin API is untyped on StrapiApp.
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addEditViewSidePanel: (panels: unknown[]) => void };
      injectComponent: (view: string, zone: string, component: { name: string; Component: () => unknown }) => void;
    };
    contentManager.apis.addEditViewSidePanel([ReviewPanel, InspectionPanel, QuotePanel, ClickPanel]);
    contentManager.injectComponent('listView', 'actions', { name: 'rebuild-now', Component: RebuildNowButton });
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addClickColumn);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', translateDeliveryStates);
    // 栏目更新检查, for whoever may read channels (the API checks the locale too).
    app.addMenuLink({
      to: 'newsroom/inspection',
      icon: Clock,
      intlLabel: { id: 'newsroom.inspection.menu', defaultMessage: '栏目更新检查' },
      Component: () => import('../features/freshness/admin/FreshnessPage'),
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::channel.channel' }],
    });
    // 操作日志, for roles given 查看操作日志 (Settings › Roles › 操作日志); the API checks it too.
    app.addMenuLink({
      to: 'newsroom/audit',
      icon: ClockCounterClockwise,
      intlLabel: { id: 'newsroom.audit.menu', defaultMessage: '操作日志' },
      Component: () => import('../features/audit/admin/AuditPage'),
      permissions: [{ action: 'api::audit.read', subject: null }],
    });
    // 待我审核, for whoever holds one of the 三审 actions (the list holds only what they may read).
    app.addMenuLink({
      to: 'newsroom/review',
      icon: Feather,
      intlLabel: { id: 'newsroom.review.menu', defaultMessage: '待我审核' },
      Component: () => import('../features/review/admin/ReviewPage'),
      permissions: ['submit', 'first', 'second', 'final'].map((action) => ({ action: `api::review.${action}`, subject: null })),
    });
  },
};
