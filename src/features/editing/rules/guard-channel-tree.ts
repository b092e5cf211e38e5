// A channel cannot become its own ancestor: the breadcrumb would loop.
import { errors } from '@strapi/utils';
import { wouldCreateCycle } from '../../../lib/breadcrumb';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';

/** The documentId a relation input points at, for the simple shapes editors and the API send. */
export const relationTarget = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as { documentId?: unknown; connect?: unknown; set?: unknown };
    if (typeof v.documentId === 'string') return v.documentId;
    const list = (Array.isArray(v.connect) ? v.connect : Array.isArray(v.set) ? v.set : []) as unknown[];
    const first = list[0];
    if (typeof first === 'string') return first;
    if (first && typeof first === 'object' && typeof (first as { documentId?: unknown }).documentId === 'string') {
      return (first as { documentId: string }).documentId;
    }
  }
  return null;
};

export const guardChannelTree: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== 'api::channel.channel' || context.action !== 'update') return next();
  const params = paramsOf(context);
  const parentId = relationTarget(params.data?.parent);
  if (params.documentId && parentId) {
    const rows = (await strapi.db.query('api::channel.channel').findMany({
      select: ['documentId'],
      populate: { parent: { select: ['documentId'] } },
    })) as Array<{ documentId: string; parent?: { documentId: string } | null }>;
    const parentOf = new Map(rows.map((row) => [row.documentId, row.parent?.documentId ?? null]));
    if (wouldCreateCycle(parentOf, params.documentId, parentId)) {
      throw new errors.ValidationError('A channel cannot be placed under itself or one of its descendants.');
    }
  }
  return next();
};
