// 识别引语's admin strings, in both admin languages (ids newsroom.import.<key>).
import { adminMessages } from '../../../admin/admin-part';

export const importMessages = adminMessages(
  'import',
  {
    'panel.title': '识别引语',
    hint: '从已保存的正文中识别讲话原文及讲话人',
    find: '识别引语',
    none: '未找到引语',
    added: '（已添加）',
    accept: '采用所选（{count}）',
    'accepted.toast': '已添加 {count} 条讲话摘录，随稿件发布；刷新页面即可看到',
    'find.failed': '识别失败：无法读取正文',
    'accept.failed': '添加失败',
  },
  {
    'panel.title': 'Find quotes',
    hint: 'Reads the quotes and their speakers in the saved body',
    find: 'Find quotes',
    none: 'No quotes found',
    added: ' (added)',
    accept: 'Accept selected ({count})',
    'accepted.toast': '{count, plural, one {# quote} other {# quotes}} added, published with the article; reload to see them',
    'find.failed': 'Could not read the body',
    'accept.failed': 'Could not add the quotes',
  }
);
