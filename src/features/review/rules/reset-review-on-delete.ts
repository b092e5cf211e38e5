// A deleted document (or locale version) loses its approval: otherwise a locale deleted
// and written again under the same documentId would start out 可发布. The stage goes back
// to 草稿 as a system move, so the history stays whole.
import type { Core } from '@strapi/strapi';
import { getService } from '../../services';
import { defaultLocale, localeCodes } from '../../../utils/locales';
import { reviewModeOf } from '../../../utils/type-settings';
import { paramsOf, type DocumentRule, type Params } from '../../../utils/document-rules';

/** The locales a delete removes: the one named, every one for '*', else the default. */
export const deletedLocales = async (strapi: Core.Strapi, params: Params) => {
  const locale = params.locale as unknown;
  if (locale === '*') return [...(await localeCodes(strapi))];
  return [typeof locale === 'string' && locale ? locale : await defaultLocale(strapi)];
};

export const resetReviewOnDelete: DocumentRule = (strapi) => async (context, next) => {
  const params = paramsOf(context);
  if (context.action !== 'delete' || reviewModeOf(context.uid) !== 'own' || !params.documentId) return next();
  const documentId = params.documentId;
  const locales = await deletedLocales(strapi, params);
  const result = await next();
  const review = getService(strapi, 'review');
  for (const locale of locales) {
    const key = { uid: context.uid, documentId, locale };
    if ((await review.stageOf(key)) !== 'draft') await review.systemMove(key, 'draft', '已删除，审核阶段重置为草稿');
  }
  return result;
};
