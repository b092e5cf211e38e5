// 禁用词 block, 敏感词 warn, 易错词 warn with the correct form: the list administrators
// keep in the admin panel (检查词表), matched in one pass over every text.
import { inspectorOf } from '../inspector';
import type { PublishRule } from '../types';

export const checkWordLists: PublishRule = {
  name: 'word-lists',
  check: async (strapi, subject) => (await inspectorOf(strapi).wordList()).findings(subject.pieces),
};
