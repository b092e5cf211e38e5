// 索引号 (机构代码/YYYY-NNNNN) is given at an article's first publish when it carries
// 信息公开 metadata, on every publish path: the content manager's publish and bulk
// publish, REST and GraphQL writes with status published, scripts. The number is
// allocated in the publish's transaction and written into the drafts before the
// publish copies them, so the draft and the published version show the same number;
// a publish that fails gives its serial back. Re-publishing keeps the number, and so
// does a later change of 机构代码 (a 索引号 is cited and must not move).
import { errors } from '@strapi/utils';
import { organizationCodeProblem } from '../../../lib/disclosure';
import { defaultLocale } from '../../../utils/locales';
import { getService } from '../../services';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { paramsOf, type DocumentRule, type Params } from '../../../utils/document-rules';

type Metadata = { organizationCode?: unknown; indexNumber?: unknown } | null | undefined;
type Draft = { locale: string; disclosure?: Metadata };

/**
 * When a write may give a number: before a publish or an update that publishes (the
 * document and its drafts exist), after a create that publishes (its documentId is
 * known only then; the create runs in the same transaction).
 */
export const numberingMoment = (action: string, params: Params): 'before' | 'after' | null => {
  if (action === 'publish') return 'before';
  if ((action === 'update' || action === 'create') && params.status === 'published') return action === 'update' ? 'before' : 'after';
  return null;
};

/**
 * The 机构代码 to number under, from the metadata this publish makes public: the one sent
 * with the write, else that of the drafts of the locales published. `null`: not in the
 * catalogue, nothing to number. Throws a 400 when the metadata has no valid code.
 */
export const codeToNumber = (sent: Metadata | undefined, drafts: Draft[], locales: string[] | '*'): string | null => {
  const metadata =
    sent !== undefined ? sent : drafts.find((draft) => draft.disclosure && (locales === '*' || locales.includes(draft.locale)))?.disclosure;
  if (!metadata) return null;
  const problem = organizationCodeProblem(metadata.organizationCode);
  if (problem) {
    throw new errors.ValidationError(`信息公开稿件发布前须填写有效的机构代码：${problem}`, {
      errors: [{ path: ['disclosure', 'organizationCode'], message: problem, name: 'ValidationError', value: null }],
    });
  }
  return metadata.organizationCode as string;
};

const localesOf = async (strapi: Parameters<DocumentRule>[0], locale: unknown): Promise<string[] | '*'> => {
  if (locale === '*') return '*';
  if (Array.isArray(locale)) return locale.map(String);
  return [typeof locale === 'string' ? locale : await defaultLocale(strapi)];
};

export const assignIndexNumber: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID) return next();
  const params = paramsOf(context);
  const moment = numberingMoment(context.action, params);
  if (!moment) return next();
  const disclosure = getService(strapi, 'disclosure');
  const sent = params.data && 'disclosure' in params.data ? (params.data.disclosure as Metadata) : undefined;

  if (moment === 'after') {
    const code = codeToNumber(sent, [], '*');
    if (!code) return next();
    // The create, its publish and the number commit together or not at all.
    return strapi.db.transaction(async () => {
      const result = await next();
      const created = result as { documentId?: string; disclosure?: Metadata } | null;
      if (!created?.documentId) return result;
      const indexNumber = await disclosure.assign(created.documentId, code);
      await disclosure.writeNumber(created.documentId, indexNumber, { draftsOnly: false });
      if (created.disclosure) created.disclosure.indexNumber = indexNumber;
      return result;
    });
  }

  const { documentId } = params;
  if (!documentId) return next();
  // Joins the content manager's transaction when there is one; the document service's own
  // starts inside next(), too late for the number to reach the drafts it copies.
  return strapi.db.transaction(async () => {
    const drafts = (await disclosure.draftMetadata(documentId)) as Draft[];
    const code = codeToNumber(sent, drafts, await localesOf(strapi, params.locale));
    if (!code) return next();
    const indexNumber = await disclosure.assign(documentId, code);
    await disclosure.writeNumber(documentId, indexNumber, { draftsOnly: true });
    if (sent) sent.indexNumber = indexNumber;
    return next();
  });
};
