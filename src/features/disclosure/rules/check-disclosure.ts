// 信息公开 metadata as editors and clients send it: 机构代码 and 文号 normalised and
// checked on every save (a bad one is a 400 before anything is written), and 索引号
// kept the server's: whatever a client sends in it is replaced by the document's own
// number (none before its first publish). Replacing rather than refusing: the admin
// panel sends the whole component back on every save, number included.
import { errors } from '@strapi/utils';
import { reviewDisclosure } from '../../../lib/disclosure';
import { getService } from '../../services';
import { paramsOf, type DocumentRule, type Params } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The metadata a write sends, when it sends some (null removes it and needs no check). */
export const sentDisclosure = (action: string, params: Params): Record<string, unknown> | null =>
  (action === 'create' || action === 'update' || action === 'clone') && isPlainObject(params.data?.disclosure)
    ? (params.data.disclosure as Record<string, unknown>)
    : null;

export const checkDisclosure: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID) return next();
  const params = paramsOf(context);
  const sent = sentDisclosure(context.action, params);
  if (sent) {
    const { data, problems } = reviewDisclosure(sent);
    if (problems.length) {
      throw new errors.ValidationError(problems.map((problem) => problem.message).join('; '), {
        errors: problems.map((problem) => ({ path: problem.path, message: problem.message, name: 'ValidationError', value: null })),
      });
    }
    // A copy (clone) is another document: it gets its own number at its own first publish.
    const own =
      context.action === 'update' && params.documentId ? await getService(strapi, 'disclosure').numberOf(params.documentId) : null;
    params.data!.disclosure = { ...data, indexNumber: own };
  }
  const result = await next();
  if (context.action === 'clone') {
    // Strapi copies the source's metadata, number included, when the clone's data leaves it out.
    const copy = (result as { documentId?: string } | null)?.documentId;
    if (copy) await getService(strapi, 'disclosure').writeNumber(copy, null, { draftsOnly: false });
  }
  return result;
};
