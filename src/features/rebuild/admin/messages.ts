// Rebuild hooks' admin strings, in both admin languages (ids newsroom.rebuild.<key>).
import { adminMessages } from '../../../admin/admin-part';

export const rebuildMessages = adminMessages(
  'rebuild',
  {
    now: '立即重建',
    sent: '已向 {count} 个目标发送重建请求',
    failed: '重建未能开始',
    'state.pending': '等待发送',
    'state.delivering': '发送中',
    'state.succeeded': '成功',
    'state.failed': '失败',
  },
  {
    now: 'Rebuild now',
    sent: 'Rebuild sent to {count, plural, one {# target} other {# targets}}',
    failed: 'The rebuild could not be started',
    'state.pending': 'Pending',
    'state.delivering': 'Delivering',
    'state.succeeded': 'Succeeded',
    'state.failed': 'Failed',
  }
);
