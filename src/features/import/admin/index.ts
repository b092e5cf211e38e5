// 识别引语 in the admin: the quote finder's panel of the edit view, and its strings in the
// admin's two languages (ids newsroom.import.*, read by QuotePanel.tsx with useIntl).
import { contentManagerOf, type AdminPart } from '../../../admin/admin-part';
import { QuotePanel } from './QuotePanel';

const zhHans: Record<string, string> = {
  'newsroom.import.title': '识别引语',
  'newsroom.import.hint': '从已保存的正文中识别讲话原文及讲话人，可先更正讲话人再采用',
  'newsroom.import.find': '识别引语',
  'newsroom.import.none': '未找到引语',
  'newsroom.import.findFailed': '识别失败',
  'newsroom.import.addFailed': '添加失败',
  'newsroom.import.added': '已添加 {count} 条讲话摘录，随稿件发布（刷新页面后可见）',
  'newsroom.import.accept': '采用所选（{count}）',
  'newsroom.import.use': '采用',
  'newsroom.import.alreadyAdded': '已添加',
  'newsroom.import.choose': '采用{name}的这条引语',
  'newsroom.import.collective': '集体',
  'newsroom.import.collectiveHint': '集体发言，没有具名的讲话人：默认不勾选；采用后以该群体为讲话人',
  'newsroom.import.speakerName': '讲话人',
  'newsroom.import.speakerPosition': '职务',
  'newsroom.import.speakerOrganization': '单位',
  'newsroom.import.nameRequired': '请填写讲话人',
};

const en: Record<string, string> = {
  'newsroom.import.title': 'Quotes',
  'newsroom.import.hint': 'Finds quotes and their speakers in the saved body; correct a speaker before accepting',
  'newsroom.import.find': 'Find quotes',
  'newsroom.import.none': 'No quotes found',
  'newsroom.import.findFailed': 'Could not read the body',
  'newsroom.import.addFailed': 'Could not add the quotes',
  'newsroom.import.added': '{count} quotes added; they are published with the article (reload to see them)',
  'newsroom.import.accept': 'Accept selected ({count})',
  'newsroom.import.use': 'Use',
  'newsroom.import.alreadyAdded': 'Added',
  'newsroom.import.choose': 'Use this quote by {name}',
  'newsroom.import.collective': 'Group',
  'newsroom.import.collectiveHint': 'Said by a group, no one named: not ticked; if used, the group is stored as the speaker',
  'newsroom.import.speakerName': 'Speaker',
  'newsroom.import.speakerPosition': 'Position',
  'newsroom.import.speakerOrganization': 'Organisation',
  'newsroom.import.nameRequired': 'A speaker name is required',
};

export const importAdmin: AdminPart = {
  translations: { 'zh-Hans': zhHans, en },
  bootstrap(app) {
    contentManagerOf(app).apis.addEditViewSidePanel([QuotePanel]);
  },
};
