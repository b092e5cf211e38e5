// Rendered feeds follow what readers can see: any publish, unpublish or delete of a
// type that feeds are made of (declared with `feed: true`).
import { getService } from '../utils/services';
import { settingsOf } from '../utils/type-settings';
import { paramsOf, type DocumentRule } from './types';
import { isVisibleChange } from './visible-change';

export const invalidateFeeds: DocumentRule = (strapi) => async (context, next) => {
  const result = await next();
  if (settingsOf(context.uid)?.feed && isVisibleChange(context.action, paramsOf(context))) getService(strapi, 'feed').invalidate();
  return result;
};
