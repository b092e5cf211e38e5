// 点击率's admin strings, in both admin languages (ids newsroom.clicks.<key>).
import { adminMessages } from '../../../admin/admin-part';

export const clickMessages = adminMessages(
  'clicks',
  {
    column: '点击率',
    'panel.title': '点击率',
    total: '总点击',
    today: '今日',
    trend: '30 天点击趋势',
    unpublished: '发布后开始计数',
    unavailable: '点击数暂不可用',
  },
  {
    column: 'Clicks',
    'panel.title': 'Clicks',
    total: 'Total',
    today: 'Today',
    trend: 'Clicks over 30 days',
    unpublished: 'Counted once published',
    unavailable: 'Click counts are unavailable',
  }
);
