// 三审: an entry goes public only once 终审 approved it (stage 可发布); an entry that is
// reviewed with its article (a quote) only once that article was. Its finding names the
// level still missing. REVIEW_REQUIRED=false turns the rule off.
import type { Core } from '@strapi/strapi';
import { fingerprint } from '../../lib/inspection/fingerprint';
import type { Finding } from '../../lib/inspection/types';
import { reviewRefusal, type Stage } from '../../lib/review/stages';
import { getService } from '../services';
import { reviewModeOf } from '../../utils/type-settings';
import type { PublishRule } from '../inspection';
import { ARTICLE_UID } from '../../api/article/newsroom';

const ARTICLE = ARTICLE_UID;

export const reviewRequired = (strapi: Core.Strapi) => Boolean(strapi.config.get('review.required', true));

/** The finding for an entry in `stage` (of the entry itself, or of the article it goes with); none once approved. */
export const reviewFinding = (stage: Stage, whose?: string): Finding[] => {
  const message = reviewRefusal(stage, whose);
  return message
    ? [
        {
          id: fingerprint('review-stage', 'review', stage),
          rule: 'review-stage',
          severity: 'block',
          field: 'review',
          match: stage,
          message,
        },
      ]
    : [];
};

/** For an entry published with its article: the best stage among the articles it belongs to. */
export const bestStage = (stages: Stage[]): Stage | null => {
  if (!stages.length) return null;
  const order: Stage[] = ['draft', 'first', 'second', 'final', 'approved'];
  return stages.reduce((best, stage) => (order.indexOf(stage) > order.indexOf(best) ? stage : best));
};

export const checkReviewStage: PublishRule = {
  name: 'review-stage',
  check: async (strapi, subject) => {
    if (!reviewRequired(strapi)) return [];
    const mode = reviewModeOf(subject.uid);
    if (mode === 'none') return [];
    const review = getService(strapi, 'review');
    if (mode === 'own') return reviewFinding(await review.stageOf(subject));
    const articles = await review.articlesOf(subject.uid, subject.documentId, subject.locale);
    const stage = bestStage([...(await review.stagesOf(ARTICLE, articles, subject.locale)).values()]);
    if (!stage) {
      const message = '未关联稿件：随稿件经三审后发布（Published with an approved article; link it to one）';
      return [
        { id: fingerprint('review-stage', 'article', ''), rule: 'review-stage', severity: 'block', field: 'article', match: '', message },
      ];
    }
    return reviewFinding(stage, '所属稿件');
  },
};
