import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock, ClockCounterClockwise, Feather } from '@strapi/icons';
import { addClickColumn } from './components/ClickColumn';
import { ClickPanel } from './components/ClickPanel';
import { QuotePanel } from './components/QuotePanel';
import { InspectionPanel } from './components/InspectionPanel';
import { ReviewPanel } from './components/ReviewPanel';
import { RebuildNowButton } from './components/RebuildNowButton';

export default {
  config: {
    // English is always offered; editors work in Chinese first.
    locales: ['zh-Hans'],
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
    // 栏目更新检查, for whoever may read channels (the API checks the locale too).
    app.addMenuLink({
      to: 'newsroom/inspection',
      icon: Clock,
      intlLabel: { id: 'newsroom.inspection.menu', defaultMessage: '栏目更新检查' },
      Component: () => import('./pages/InspectionPage'),
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::channel.channel' }],
    });
    // 操作日志, for roles given 查看操作日志 (Settings › Roles › 操作日志); the API checks it too.
    app.addMenuLink({
      to: 'newsroom/audit',
      icon: ClockCounterClockwise,
      intlLabel: { id: 'newsroom.audit.menu', defaultMessage: '操作日志' },
      Component: () => import('./pages/AuditPage'),
      permissions: [{ action: 'api::audit.read', subject: null }],
    });
    // 待我审核, for whoever holds one of the 三审 actions (the list holds only what they may read).
    app.addMenuLink({
      to: 'newsroom/review',
      icon: Feather,
      intlLabel: { id: 'newsroom.review.menu', defaultMessage: '待我审核' },
      Component: () => import('./pages/ReviewPage'),
      permissions: ['submit', 'first', 'second', 'final'].map((action) => ({ action: `api::review.${action}`, subject: null })),
    });
  },
};
