// Document-service rules, in the order they run (outermost first). Each file holds one
// rule and exports its decision as a pure function for the unit tests. They apply to
// every path: REST, GraphQL, the admin panel, scripts.
import type { Core } from '@strapi/strapi';
import { guardPublicReads } from './public-api';
import { guardRebuildSecret, protectRebuildLog, recordRebuildChange } from './rebuild';
import { cleanPasting, fillSlug, markPastedHeadings, guardChannelTree, guardClone, lockDocument, refuseStaleSave } from './editing';
import { assignIndexNumber, checkDisclosure } from './disclosure';
import { guardLinkedEdits, guardSharedFields, keepPublishedLinks, quotesFollowArticle } from './linked-entries';
import { checkSchedule, clearScheduleOnPublish, guardScheduling, keepPublishDate } from './schedule';
import { forgetClickCaches } from './clicks';
import { purgeCdn } from './response-cache';
import { indexForSearch } from './search';
import { checkTerms, guardPublish, protectAcceptances } from './inspection';
import { protectAuditLog, recordAudit } from './audit';
import { recordVersion } from './versions';
import { protectReviewRecords, resetReviewOnDelete, resetReviewOnEdit } from './review';
import type { DocumentRule } from '../utils/document-rules';

const RULES: DocumentRule[] = [
  guardPublicReads,
  protectRebuildLog,
  protectAcceptances,
  protectAuditLog,
  protectReviewRecords,
  // First among the writers: one write of a document at a time (PostgreSQL), inside its transaction.
  lockDocument,
  // Under that lock: a save based on an older version of the draft is refused before anything is written.
  refuseStaleSave,
  // Outside every rule that writes: the entry and all a write causes commit or roll back together.
  recordAudit,
  // In the audit's transaction, outside every rule that writes: the version is what the whole write left.
  recordVersion,
  guardRebuildSecret,
  checkTerms,
  // Who may: scheduling needs the publish right, a clone the read right on its source, a
  // write to a quote or commended name the edit right on each article showing it.
  guardScheduling,
  guardClone,
  guardLinkedEdits,
  // Publishing a unit, individual or 栏目 leaves published articles' links as approved.
  keepPublishedLinks,
  // Fields all locales share: a write changing them is an edit of every locale version.
  guardSharedFields,
  // 定时发布 / 到期下线 as saved: a bad time is refused before anything runs on it.
  checkSchedule,
  // Before anything a publish writes (publishDate, quotes following): a refusal leaves nothing.
  guardPublish,
  // Inside the guard: an update that publishes and changes approved text is refused.
  resetReviewOnEdit,
  resetReviewOnDelete,
  // Before the slug: a split title gives the slug.
  cleanPasting,
  // After the cleaning (indents gone, empty paragraphs dropped): pasted heading lines become 小标题.
  markPastedHeadings,
  fillSlug,
  // 信息公开: a bad 机构代码 or 文号 is refused before a number is given for it.
  checkDisclosure,
  assignIndexNumber,
  // Reads the 定时发布 the next rule clears.
  keepPublishDate,
  clearScheduleOnPublish,
  quotesFollowArticle,
  forgetClickCaches,
  purgeCdn,
  recordRebuildChange,
  indexForSearch,
  guardChannelTree,
];

export const registerDocumentRules = (strapi: Core.Strapi) => {
  for (const rule of RULES) strapi.documents.use(rule(strapi));
};
