// A rebuild target's signing secret is written, never shown again: reads through the
// document service (the admin panel among them) see a masked form; saving the masked
// form back keeps the stored secret, typing a new one replaces it. A malformed secret
// or URL is refused with a message that says what is expected.
import { errors } from '@strapi/utils';
import { isWebhookSecret } from '../../../lib/rebuild/policy';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { getService } from '../../services';

export const TARGET_UID = 'api::rebuild.rebuild-target';
const MASK = '•';
const PRIVATE_FIELD = /"(secret|url|headers)"|\b(secret|url|headers)\b/;

/** `whsec_••••••••abcd`: enough to tell two secrets apart, not enough to sign. */
export const maskSecret = (secret: unknown) =>
  typeof secret === 'string' && secret.length > 0 ? `whsec_${MASK.repeat(8)}${secret.length > 16 ? secret.slice(-4) : ''}` : secret;

export const isMaskedSecret = (value: unknown) => typeof value === 'string' && value.includes(MASK);

export const SECRET_HELP =
  '签名密钥须为 Standard Webhooks 格式：whsec_ 后接 Base64 编码的随机值，例如 whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' +
  '（The signing secret must be "whsec_" followed by base64, e.g. whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw）';
export const URL_HELP = '构建钩子地址须以 http:// 或 https:// 开头（The build hook URL must start with http:// or https://）';

/**
 * What to store of the fields an editor sent: the masked secret is dropped (unchanged),
 * anything else is validated. Returns the message of the first problem, or null.
 */
export const checkTargetInput = (data: Record<string, unknown>, action: string): string | null => {
  if ('secret' in data && isMaskedSecret(data.secret)) {
    if (action === 'create') return SECRET_HELP;
    delete data.secret;
  }
  if ('secret' in data && !isWebhookSecret(data.secret)) return SECRET_HELP;
  if ('url' in data) {
    const url = data.url;
    if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) return URL_HELP;
  }
  return null;
};

const maskResult = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(maskResult);
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // A delete answers { documentId, entries: [...] }.
  if (Array.isArray(record.entries)) return { ...record, entries: record.entries.map(maskResult) };
  return 'secret' in record ? { ...record, secret: maskSecret(record.secret) } : value;
};

export const guardRebuildSecret: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== TARGET_UID) return next();
  const params = paramsOf(context);
  // Filtering or sorting on a secret field would reveal it one character at a time.
  if (PRIVATE_FIELD.test(JSON.stringify([params.filters ?? null, params.sort ?? null]))) {
    throw new errors.ValidationError('Rebuild targets cannot be filtered or sorted by URL, secret or headers');
  }
  if (params.data && (context.action === 'create' || context.action === 'update')) {
    const problem = checkTargetInput(params.data, context.action);
    if (problem) throw new errors.ValidationError(problem);
  }
  const result = await next();
  if (context.action !== 'findMany' && context.action !== 'findOne' && context.action !== 'findFirst') {
    getService(strapi, 'rebuild').forgetTargets();
  }
  return maskResult(result) as typeof result;
};
