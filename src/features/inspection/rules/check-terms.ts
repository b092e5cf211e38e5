// A word-list entry (检查词表) is usable before it is stored: a term, a known kind, and
// for an 易错词 its correct form. Terms are stored trimmed, so the matcher and the
// editor see the same word.
import { errors } from '@strapi/utils';
import { termProblem, type Term } from '../../../lib/inspection/word-list';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';

export const TERM_UID = 'api::inspection.inspection-term';

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

export const checkTerms: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== TERM_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const params = paramsOf(context);
  const data = params.data ?? {};
  for (const key of ['term', 'replacement', 'note']) if (key in data) data[key] = trim(data[key]);
  const stored =
    context.action === 'update' && params.documentId
      ? ((await strapi.db.query(TERM_UID).findOne({ where: { documentId: params.documentId }, select: ['term', 'kind', 'replacement'] })) ??
        {})
      : {};
  const problem = termProblem({ ...stored, ...data } as Partial<Term>);
  if (problem) throw new errors.ValidationError(`词表条目无效（Invalid word-list entry）: ${problem}`);
  return next();
};
