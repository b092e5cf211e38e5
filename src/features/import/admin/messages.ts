// 识别引语's admin strings, in both admin languages (ids newsroom.import.<key>).
import { adminMessages } from '../../../admin/admin-part';

export const importMessages = adminMessages(
  'import',
  {
    title: '识别引语',
    hint: '从已保存的正文中识别讲话原文及讲话人，可先更正讲话人再采用',
    find: '识别引语',
    none: '未找到引语',
    findFailed: '识别失败',
    addFailed: '添加失败',
    added: '已添加 {count} 条讲话摘录，随稿件发布（刷新页面后可见）',
    accept: '采用所选（{count}）',
    use: '采用',
    alreadyAdded: '已添加',
    choose: '采用{name}的这条引语',
    collective: '集体',
    collectiveHint: '集体发言，没有具名的讲话人：默认不勾选；采用后以该群体为讲话人',
    speakerName: '讲话人',
    speakerPosition: '职务',
    speakerOrganization: '单位',
    nameRequired: '请填写讲话人',
  },
  {
    title: 'Find quotes',
    hint: 'Finds quotes and their speakers in the saved body; correct a speaker before accepting',
    find: 'Find quotes',
    none: 'No quotes found',
    findFailed: 'Could not read the body',
    addFailed: 'Could not add the quotes',
    added: '{count} quotes added; they are published with the article (reload to see them)',
    accept: 'Accept selected ({count})',
    use: 'Use',
    alreadyAdded: 'Added',
    choose: 'Use this quote by {name}',
    collective: 'Group',
    collectiveHint: 'Said by a group, no one named: not ticked; if used, the group is stored as the speaker',
    speakerName: 'Speaker',
    speakerPosition: 'Position',
    speakerOrganization: 'Organisation',
    nameRequired: 'A speaker name is required',
  }
);
