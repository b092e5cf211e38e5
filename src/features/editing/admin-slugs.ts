// The admin panel's slug button and auto-fill use the content-manager's UID service,
// whose slugify drops Han characters (a Chinese title gives "article-1"). Feed it
// pinyin instead, so editors get the same slug the API would generate.
import type { Core } from '@strapi/strapi';
import { slugFromTitle } from '../../lib/slug';
import { splitTitle } from './rules/clean-pasting';
import { contentManagerUidService } from '../../strapi-internals/content-manager';

export const patchAdminSlugGenerator = (strapi: Core.Strapi) => {
  const service = contentManagerUidService(strapi);
  const original = service.generateUIDField.bind(service);
  service.generateUIDField = async (args) => {
    const attribute = (strapi.contentTypes[args.contentTypeUID]?.attributes as Record<string, unknown> | undefined)?.[args.field] as
      { targetField?: string } | undefined;
    const target = attribute?.targetField;
    const value = target ? args.data?.[target] : undefined;
    if (!target || typeof value !== 'string' || !value) return original(args);
    // A pasted 主标题——副标题 becomes title and subtitle on save (clean-pasting): the slug is the title's.
    const { title } = splitTitle(value, args.data?.subtitle);
    return original({ ...args, data: { ...args.data, [target]: slugFromTitle(title as string) } });
  };
};
