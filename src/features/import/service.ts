// Imports one page of the old site (read by src/lib/legacy-page.ts) through the document
// service, so that everything an editor's save does happens here too (slugs, the search
// index, caches, rebuild hooks): its channels from the breadcrumb, the article, its
// quotes (linked and ordered), the commended units and individuals it names, and the
// images and files found beside the page. Keyed by the page (its URL or file): a second
// import updates the same article and its quotes, never a duplicate. Each page is one
// transaction: a page that fails leaves nothing behind.
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { getService } from '../services';
import { enforcedOf, guardEnabled } from '../inspection';
import { checkImageFiles } from '../media';
import type { LegacyPage } from '../../lib/legacy-page';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { untypedDocuments } from '../../strapi-internals/documents';
import { contentTypeSchema } from '../../strapi-internals/schemas';
import { fitsSchema, writeQuoteBatch } from './quote-batch';
import { namedQuotes } from '../../lib/collective-quotes';

export type ImportOptions = {
  /** The page's identity: its URL, or its file. */
  key: string;
  /** The folder the page was saved in (images and attachments are looked up there). */
  dir: string | null;
  locale: string;
  publish: boolean;
  /**
   * Each quote of a new page through the document service, one call each, as before the
   * batch (quote-batch.ts): the reference the batch is compared with in the tests.
   */
  quotesOneByOne?: boolean;
};
export type ImportResult = { status: 'created' | 'updated'; documentId: string; warnings: string[] };

const ARTICLE = ARTICLE_UID;
const CHANNEL = 'api::channel.channel';
const QUOTE = 'api::speaker-quote.speaker-quote';
const UNIT = 'api::commended-unit.commended-unit';
const INDIVIDUAL = 'api::commended-individual.commended-individual';
const COMMENDATION = 'api::commendation.commendation';

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
  '.txt': 'text/plain',
};

const IMAGE_TYPES = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp']);
const FILE_TYPES = new Set([
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.wps',
  '.et',
  '.zip',
  '.rar',
  '.7z',
  '.txt',
  '.csv',
  '.ofd',
  ...IMAGE_TYPES,
]);

type Doc = { documentId: string; id?: number; [key: string]: unknown };

/** Body blocks as the blocks editor stores them: 小标题 as level-2 headings. */
export const toBlocks = (page: Pick<LegacyPage, 'blocks'>) =>
  page.blocks.map((block) =>
    block.type === 'heading'
      ? { type: 'heading', level: 2, children: [{ type: 'text', text: block.text }] }
      : { type: 'paragraph', children: [{ type: 'text', text: block.text }] }
  );

const createImporter = ({ strapi }: { strapi: Core.Strapi }) => {
  const docs = (uid: string) => untypedDocuments<Doc>(strapi, uid);
  /**
   * The draft of `uid` in `locale` that `where` finds, as the document service's findFirst
   * finds it, through the query layer: a lookup is one query, not a pass through every
   * document rule (the script is no public reader, which is all those rules check on a read).
   */
  const draftWhere = (uid: string, locale: string, where: Record<string, unknown>) =>
    strapi.db.query(uid as typeof ARTICLE).findOne({
      where: { ...where, locale, publishedAt: null },
      select: ['id', 'documentId'],
    }) as Promise<Doc | null>;
  const quoteAttributes = () => (contentTypeSchema(strapi, QUOTE) as { attributes: Parameters<typeof fitsSchema>[0] }).attributes;

  /** What a page's import made, to publish once its article passes the publish checks. */
  type Pending = Array<{ uid: string; documentId: string }>;

  /** The channel path of the breadcrumb, made where missing (as drafts, published with the page). */
  const channelOf = async (breadcrumb: string[], locale: string, pending: Pending) => {
    let parent: string | null = null;
    for (const name of breadcrumb) {
      const filters: Record<string, unknown> = { name, parent: parent ? { documentId: parent } : { id: { $null: true } } };
      let channel = await draftWhere(CHANNEL, locale, filters);
      if (!channel) {
        channel = await docs(CHANNEL).create({ locale, data: { name, ...(parent ? { parent } : {}) } });
        pending.push({ uid: CHANNEL, documentId: channel.documentId });
      }
      parent = channel.documentId;
    }
    return parent;
  };

  /** Finds a commended unit or person by name (a commendation by title), or makes it. */
  const findOrCreate = async (
    uid: string,
    entry: { name: string; data?: Record<string, unknown>; [key: string]: unknown },
    locale: string,
    pending: Pending
  ) => {
    const field = uid === COMMENDATION ? 'title' : 'name';
    const found = await draftWhere(uid, locale, { [field]: { $eq: entry.name } });
    if (found) return { id: found.id!, documentId: found.documentId };
    const { data: explicit, ...fields } = entry;
    const created = await docs(uid).create({ locale, data: explicit ?? fields });
    pending.push({ uid, documentId: created.documentId });
    return { id: created.id!, documentId: created.documentId };
  };

  /** The file an href names inside `dir`, or why not: outside it, missing, not a file, not a kind the site takes. */
  const fileBeside = (dir: string, href: string, kind: 'image' | 'file') => {
    let name: string;
    try {
      name = decodeURIComponent(href.split(/[?#]/)[0]);
    } catch {
      // Percent-encoded GBK (a%D5%C5.jpg) or a bare %: the name as written.
      name = href.split(/[?#]/)[0];
    }
    const root = fs.realpathSync(dir);
    const candidate = path.resolve(root, name.replace(/^\/+/, ''));
    if (!fs.existsSync(candidate)) return { error: 'not found beside the page' };
    const real = fs.realpathSync(candidate);
    if (!real.startsWith(root + path.sep)) return { error: "outside the page's folder" };
    if (!fs.lstatSync(real).isFile()) return { error: 'not a file' };
    const ext = path.extname(real).toLowerCase();
    if (!(kind === 'image' ? IMAGE_TYPES : FILE_TYPES).has(ext))
      return { error: `not an ${kind === 'image' ? 'image' : 'attachment'} type (${ext || 'no extension'})` };
    return { file: real, ext };
  };

  /** Uploads the images and files the page links that were saved beside it. */
  const uploadMedia = async (page: LegacyPage, dir: string | null, warnings: string[]) => {
    const images: number[] = [];
    const files: number[] = [];
    if (!dir) return { images, files };
    const beside: Array<{ item: LegacyPage['media'][number]; file: string; ext: string }> = [];
    for (const item of page.media) {
      if (/^(?:[a-z]+:)?\/\//i.test(item.href) || item.href.startsWith('data:')) continue;
      const found = fileBeside(dir, item.href, item.kind);
      if (!found.file) {
        warnings.push(`${item.href}: ${found.error}`);
        continue;
      }
      beside.push({ item, file: found.file, ext: found.ext });
    }
    // The upload limits (src/features/media/upload-limits.ts) for all of the page's files before
    // any is stored: an image over the pixel limit fails the page with its message, and no
    // earlier file of the page is left on disk without its row.
    await checkImageFiles(
      strapi,
      beside.map(({ file }) => ({ filepath: file, originalFilename: path.basename(file) }))
    );
    for (const { item, file, ext } of beside) {
      const [uploaded] = (await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: {
            fileInfo: {
              name: item.label && item.kind === 'file' ? item.label : path.basename(file),
              caption: item.kind === 'image' ? item.label : null,
            },
          },
          files: {
            filepath: file,
            originalFilename: path.basename(file),
            mimetype: MIME[ext] ?? 'application/octet-stream',
            size: fs.statSync(file).size,
          },
        })) as Array<{ id: number }>;
      (item.kind === 'image' ? images : files).push(uploaded.id);
    }
    return { images, files };
  };

  return {
    async importPage(page: LegacyPage, options: ImportOptions): Promise<ImportResult> {
      const { key, locale, publish } = options;
      const warnings: string[] = [];
      if (namedQuotes(page.quotes).length === 0) warnings.push('no speaker quotes found');
      if (!page.publishDate) warnings.push('no 发布时间: the first publish sets the date');

      return strapi.db.transaction(async ({ trx }) => {
        const pending: Pending = [];
        const existing = await draftWhere(ARTICLE, locale, { legacyKey: { $eq: key } });
        const channel = await channelOf(page.breadcrumb, locale, pending);
        const units = [];
        for (const unit of page.commendedUnits) units.push((await findOrCreate(UNIT, unit, locale, pending)).documentId);
        const individuals = new Map<string, { id: number; documentId: string }>();
        for (const person of page.commendedIndividuals)
          individuals.set(person.name, await findOrCreate(INDIVIDUAL, person, locale, pending));
        // Media on the first import only: a second run keeps what the first uploaded (and what editors chose since).
        const media = existing ? { images: [], files: [] } : await uploadMedia(page, options.dir, warnings);
        // The commendation the page reports (its quotas), found by title or made.
        if (page.commendation && page.commendationTitle && page.commendationLevel) {
          await findOrCreate(
            COMMENDATION,
            {
              name: page.commendationTitle,
              data: {
                title: page.commendationTitle,
                level: page.commendationLevel,
                unitQuota: page.commendation.unitQuota,
                individualQuota: page.commendation.individualQuota,
              },
            },
            locale,
            pending
          );
        }

        const data: Record<string, unknown> = {
          title: page.title.slice(0, 255),
          subtitle: page.subtitle?.slice(0, 255) ?? null,
          source: page.source?.slice(0, 255) ?? null,
          publishDate: page.publishDate,
          legacyClickCount: page.legacyClickCount ?? 0,
          legacyKey: key,
          body: toBlocks(page),
          channel,
          commendedUnits: units,
          commendedIndividuals: [...individuals.values()].map((individual) => individual.documentId),
        };
        if (media.images.length) data.cover = media.images[0];
        if (media.images.length > 1 || media.files.length) data.attachments = [...media.images.slice(1), ...media.files];

        const article = existing
          ? await docs(ARTICLE).update({ documentId: existing.documentId, locale, data })
          : await docs(ARTICLE).create({ locale, data });

        // Its quotes: the same text keeps its document (an edit by an editor elsewhere stays
        // linked); a page that says the same words twice has two. Quotes the page no longer
        // has are left for the editors (they may have added them by hand).
        // Quotes said by a group are left out: no editor chose them (src/lib/collective-quotes.ts).
        const quotes = namedQuotes(page.quotes).map((quote, i) => ({
          text: quote.text,
          speakerName: quote.speakerName.slice(0, 255),
          speakerPosition: quote.speakerPosition,
          speakerOrganization: quote.speakerOrganization,
          order: i + 1,
        }));
        if (!existing && !publish && !options.quotesOneByOne && fitsSchema(quoteAttributes(), quotes)) {
          // A new page's quotes in one batch (quote-batch.ts says why that keeps the document service's promises).
          await writeQuoteBatch(
            strapi,
            trx,
            locale,
            { id: article.id!, documentId: article.documentId },
            quotes.map((quote) => ({ ...quote, individual: individuals.get(quote.speakerName) ?? null }))
          );
          return { status: 'created', documentId: article.documentId, warnings } as ImportResult;
        }
        const before = await docs(QUOTE).findMany({ locale, filters: { article: { documentId: article.documentId } }, fields: ['text'] });
        const byText = new Map<string, string[]>();
        for (const quote of before) byText.set(quote.text as string, [...(byText.get(quote.text as string) ?? []), quote.documentId]);
        for (const quote of quotes) {
          const quoteData = {
            ...quote,
            article: article.documentId,
            commendedIndividual: individuals.get(quote.speakerName)?.documentId ?? null,
          };
          const known = byText.get(quote.text)?.shift();
          const saved = known
            ? await docs(QUOTE).update({ documentId: known, locale, data: quoteData })
            : await docs(QUOTE).create({ locale, data: quoteData });
          pending.push({ uid: QUOTE, documentId: saved.documentId });
        }
        if (publish) {
          // A page the publish checks refuse (an unmasked phone number, a forbidden word)
          // is imported all the same, as drafts, for an editor to fix: nothing is lost. So is
          // one not yet through 三审 (REVIEW_REQUIRED), which is every new page.
          // The article (with its quotes' and commended names' texts) and each new channel,
          // unit, person and commendation the page brought, as each one's own publish checks it.
          const inspection = getService(strapi, 'inspection');
          const blocking = [];
          if (guardEnabled(strapi)) {
            for (const entry of [...pending, { uid: ARTICLE, documentId: article.documentId }]) {
              blocking.push(...enforcedOf(strapi, (await inspection.inspect(entry.uid, entry.documentId, locale))?.blocking ?? []));
            }
          }
          if (blocking.length) {
            warnings.push(
              `kept as a draft, the publish checks found: ${blocking.map((finding) => `${finding.field}: ${finding.message}`).join('; ')}`
            );
          } else {
            for (const entry of pending) await docs(entry.uid).publish({ documentId: entry.documentId, locale });
            await docs(ARTICLE).publish({ documentId: article.documentId, locale });
          }
        }
        return { status: existing ? 'updated' : 'created', documentId: article.documentId, warnings } as ImportResult;
      });
    },
  };
};

export type ImporterService = ReturnType<typeof createImporter>;
export default createImporter;
