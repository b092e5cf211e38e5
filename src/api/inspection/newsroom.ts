// The publish checks' word list (edited by administrators) and the record of accepted
// warnings (src/utils/type-settings.ts reads these declarations).
import type { TypeSettings } from '../../utils/type-settings';

const settings: TypeSettings[] = [
  {
    uid: 'api::inspection.inspection-term',
    labels: { zh: '检查词表', en: 'Word list' },
    admin: {
      mainField: 'term',
      defaultSortBy: 'term',
      defaultSortOrder: 'ASC',
      fields: {
        term: { label: '词语', description: '要查找的词语，原文照录（Term）' },
        kind: {
          label: '类别',
          description:
            'forbidden 禁用词：不改不能发布 / sensitive 敏感词：提醒，终审可确认后发布 / misspelling 易错词：给出正确写法（Kind）',
        },
        replacement: { label: '正确写法', description: '易错词必填；禁用词、敏感词可填建议的替换（Replacement）' },
        note: { label: '说明', description: '显示给编辑的依据或解释（Note）' },
      },
      list: ['term', 'kind', 'replacement', 'note'],
      edit: [
        [
          ['term', 6],
          ['kind', 6],
        ],
        [
          ['replacement', 6],
          ['note', 6],
        ],
      ],
    },
  },
];

export default settings;
