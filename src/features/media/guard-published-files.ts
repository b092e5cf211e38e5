// Published bytes never change. A file that a published version (or a row without drafts)
// shows is immutable: replacing it gives the drafts a NEW file (new URL) and leaves the old
// one served as it is until 终审 publishes again; editing its caption, alt or name copies it
// (bytes untouched) for the drafts the same way, and is refused (400) when no draft uses it,
// since a copy would serve nobody; deleting it is refused. A file only drafts
// use changes in place, as Strapi does. Either way a change of a file an entry shows is an
// edit of each draft using it: the caller needs the right to edit that entry
// (src/features/linked-entries/may-change-visible.ts) and a reviewed entry past 初审 goes back to 初审. Uploads,
// replaces, edits and deletes of files are in the 操作日志 with the real actor.
//
// Deleting: refused rather than detaching the file from the drafts only. Readers keep
// seeing the file until the next publish, so it must stay; an editor who wants it gone
// removes it from the entry, has it approved and published, then deletes it.
//
// Strapi internals this relies on (checked against @strapi/upload 5.54; `checkUploadInternals`
// fails the start when they move):
// - the services registry's `extend` (strapi.get('services')), which replaces the instance
//   that every caller gets: the admin controllers (`POST /upload?id=`, `PUT /upload/files/:id`,
//   `POST /upload/files/:id/replace`, `DELETE /upload/files/:id`, bulk update, bulk delete and
//   folder delete through the file and folder services), the content API (`POST /api/upload?id=`,
//   `DELETE /api/upload/files/:id`), GraphQL and MCP all reach the upload service by
//   `strapi.plugin('upload').service('upload')` at call time;
// - the upload service's `upload`, `replace`, `updateFileInfo` and `remove` (signatures below),
//   the file and folder services' `deleteByIds`, the provider service's `upload` and the
//   provider's `delete`, and image-manipulation's `generateFileName`;
// - the morph join table of `plugin::upload.file.related` (files_related_mph: file id, related
//   id, related type, field), read and re-pointed with plain SQL in the running transaction.
import fs from 'fs';
import path from 'path';
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  changedInfo,
  describeChange,
  draftGroups,
  planChange,
  rewriteUrls,
  urlPairs,
  type DraftGroup,
  type FileChange,
  type FileInfo,
  type FileUse,
} from '../../lib/media/file-change';
import { titleOf } from '../../lib/audit/diff';
import { assertMayChange, assertMayChangeVisible } from '../linked-entries';
import { getService } from '../services';
import { settingsOf } from '../../utils/type-settings';
import { folderPath, generateFileName, uploadProvider, uploadToProvider } from '../../strapi-internals/upload';
import { modelMetadata } from '../../strapi-internals/database';
import { contentTypeSchemas } from '../../strapi-internals/schemas';
import { contentTypeSchema } from '../../strapi-internals/schemas';

export const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';

type Format = { hash: string; ext: string; mime: string; url: string; name?: string; [key: string]: unknown };
export type StoredFile = {
  id: number;
  documentId?: string;
  name: string;
  hash: string;
  ext: string;
  mime: string;
  url: string;
  size: number;
  sizeInBytes?: number | null;
  width?: number | null;
  height?: number | null;
  formats?: Record<string, Format> | null;
  provider: string;
  provider_metadata?: unknown;
  caption?: string | null;
  alternativeText?: string | null;
  focalPoint?: unknown;
  folder?: { id: number } | null;
  folderPath?: string;
};
type Options = { user?: { id: number } };
type UploadData = Record<string, unknown> & { fileInfo?: FileInfo | FileInfo[] };
type UploadService = {
  upload: (args: { data: UploadData; files: unknown }, opts?: Options) => Promise<StoredFile[]>;
  replace: (
    id: number | string,
    args: { data: UploadData & { fileInfo?: FileInfo }; file: unknown },
    opts?: Options
  ) => Promise<StoredFile>;
  updateFileInfo: (id: number | string, info: FileInfo, opts?: Options) => Promise<StoredFile>;
  remove: (file: { id: number }) => Promise<unknown>;
};
type DeleteByIds = { deleteByIds: (ids?: Array<number | string>) => Promise<unknown> };
type ServicesRegistry = { extend: <T>(uid: string, extend: (service: T) => T) => unknown };
type Knex = Core.Strapi['db']['connection'];
type Transaction = { trx: unknown };

type Morph = { table: string; fileColumn: string; idColumn: string; typeColumn: string; fieldColumn: string };
type Attribute = {
  type?: string;
  columnName?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  };
};
type Metadata = { tableName: string; attributes: Record<string, Attribute> };

const metadataOf = (strapi: Core.Strapi, uid: string): Metadata | undefined => modelMetadata(strapi, uid);

/** Where the morph relation of files keeps its links; throws when an upgrade changed it. */
export const morphOf = (strapi: Core.Strapi): Morph => {
  const join = metadataOf(strapi, FILE_UID)?.attributes.related?.joinTable;
  // The join table is a model of its own (uid: its table name), whose `field` column names the media field.
  if (!join?.morphColumn || !metadataOf(strapi, join.name)?.attributes.field) {
    throw new Error(
      '[media] plugin::upload.file.related is no longer a morph join table with a `field` column: src/features/media/guard-published-files.ts needs updating for this Strapi'
    );
  }
  return {
    table: join.name,
    fileColumn: join.joinColumn.name,
    idColumn: join.morphColumn.idColumn.name,
    typeColumn: join.morphColumn.typeColumn.name,
    fieldColumn: 'field',
  };
};

type ModelLike = { options?: { draftAndPublish?: boolean }; pluginOptions?: unknown; attributes: Record<string, { type?: string }> };
const modelOf = (strapi: Core.Strapi, uid: string) => contentTypeSchema(strapi, uid) as ModelLike | undefined;
const localized = (model: ModelLike) => Boolean((model.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized);

/** Text fields that may hold a file's URL: a link or an image block in blocks, rich text. */
const TEXT_TYPES = new Set(['blocks', 'richtext']);

const labelOf = (use: FileUse) => settingsOf(use.uid)?.admin?.fields?.[use.field]?.label ?? use.field;
const fileLabel = (file: StoredFile | null) => (file ? `${file.name}#${file.id}` : null);

export const guardPublishedFiles = (strapi: Core.Strapi) => {
  const registry = strapi.get('services') as ServicesRegistry;
  const provider = () => uploadProvider(strapi);
  const providerService = () => ({ upload: (file: Format) => uploadToProvider(strapi, file) });
  const fileName = (name: string) => generateFileName(strapi, name);
  const audit = () => getService(strapi, 'audit');
  const knexOf = (trx?: unknown) => (trx ?? strapi.db.connection) as Knex;

  /** The stored row, its URL unsigned (a private provider signs the one findOne gives). */
  const storedFile = async (id: number | string) =>
    (await strapi.db.query(FILE_UID).findOne({ where: { id }, populate: { folder: { select: ['id'] } } })) as StoredFile | null;

  /** Every row that shows the file: by a media field (the morph links) or by its URL in a text field. */
  const usesOf = async (file: StoredFile, trx?: unknown): Promise<FileUse[]> => {
    const knex = knexOf(trx);
    const morph = morphOf(strapi);
    const links = (await knex(morph.table)
      .where(morph.fileColumn, file.id)
      .select({ rowId: morph.idColumn, uid: morph.typeColumn, field: morph.fieldColumn })) as Array<{
      rowId: number;
      uid: string;
      field: string;
    }>;
    const found: Array<{ uid: string; rowId: number; field: string; via: FileUse['via'] }> = links.map((link) => ({
      ...link,
      rowId: Number(link.rowId),
      via: 'media',
    }));
    if (typeof file.url === 'string' && file.url) {
      for (const [uid, model] of Object.entries(contentTypeSchemas(strapi))) {
        if (!uid.startsWith('api::')) continue;
        const meta = metadataOf(strapi, uid);
        if (!meta) continue;
        for (const [field, attribute] of Object.entries(model.attributes)) {
          if (!TEXT_TYPES.has(String(attribute.type))) continue;
          const column = meta.attributes[field]?.columnName ?? field;
          // CAST: a jsonb column on PostgreSQL, text on SQLite; the URL holds a random hash.
          const rows = (await knex(meta.tableName)
            .select('id')
            .whereRaw('CAST(?? AS TEXT) LIKE ?', [column, `%${file.url}%`])) as Array<{ id: number }>;
          for (const row of rows) found.push({ uid, rowId: Number(row.id), field, via: 'text' });
        }
      }
    }
    const uses: FileUse[] = [];
    const byType = new Map<string, typeof found>();
    for (const item of found) byType.set(item.uid, [...(byType.get(item.uid) ?? []), item]);
    for (const [uid, items] of byType) {
      const model = modelOf(strapi, uid);
      if (!model) {
        // A component (none of this project's holds media) or a type Strapi owns: its entry's
        // state is not followed here, so it counts as shown to readers (immutable).
        for (const item of items) uses.push({ ...item, documentId: null, locale: null, state: 'live' });
        continue;
      }
      const drafts = model.options?.draftAndPublish !== false;
      const rows = (await strapi.db.query(uid).findMany({
        where: { id: { $in: [...new Set(items.map((item) => item.rowId))] } },
        select: ['id', 'documentId', ...(localized(model) ? ['locale'] : []), ...(drafts ? ['publishedAt'] : [])],
      })) as Array<{ id: number; documentId: string; locale?: string; publishedAt?: unknown }>;
      const rowOf = new Map(rows.map((row) => [Number(row.id), row]));
      for (const item of items) {
        const row = rowOf.get(item.rowId);
        if (!row) continue;
        const state = !drafts ? 'live' : row.publishedAt ? 'published' : 'draft';
        uses.push({ ...item, documentId: row.documentId, locale: row.locale ?? null, state });
      }
    }
    return uses;
  };

  const describe = (change: FileChange, uses: FileUse[]) => describeChange(change, [...new Set(uses.map(labelOf))]);

  /** The right to edit every draft a change would touch: before anything is written (403, nothing changed). */
  const assertMayChangeAll = async (groups: DraftGroup[]) => {
    for (const group of groups) await assertMayChange(strapi, group.uid, group.documentIds, group.locale);
  };

  /** In the running transaction: checked again, then each reviewed draft past 初审 goes back to 初审. */
  const editDrafts = async (groups: DraftGroup[], what: string) => {
    for (const group of groups) await assertMayChangeVisible(strapi, group.uid, group.documentIds, group.locale, what);
  };

  /** The drafts' links and URLs move from `before` to `after`; the published rows keep `before`. */
  const repoint = async (before: StoredFile, after: StoredFile, drafts: FileUse[], trx: unknown) => {
    const knex = knexOf(trx);
    const morph = morphOf(strapi);
    const pairs = urlPairs(before, after);
    for (const use of drafts) {
      if (use.via === 'media') {
        await knex(morph.table)
          .where({
            [morph.fileColumn]: before.id,
            [morph.idColumn]: use.rowId,
            [morph.typeColumn]: use.uid,
            [morph.fieldColumn]: use.field,
          })
          .update({ [morph.fileColumn]: after.id });
      } else {
        const query = strapi.db.query(use.uid);
        const row = (await query.findOne({ where: { id: use.rowId }, select: ['id', use.field] })) as Record<string, unknown> | null;
        const next = rewriteUrls(row?.[use.field], pairs);
        if (row && next !== row[use.field]) await query.update({ where: { id: use.rowId }, data: { [use.field]: next } });
      }
    }
    // The content manager shows the draft as changed since its publish.
    for (const uid of new Set(drafts.map((use) => use.uid))) {
      const ids = drafts.filter((use) => use.uid === uid).map((use) => use.rowId);
      await strapi.db.query(uid).updateMany({ where: { id: { $in: ids } }, data: { updatedAt: new Date() } });
    }
  };

  /**
   * In the running transaction, after a new file was made for the drafts (a replace, or a copy
   * with new metadata): the drafts use it, each is an edit of its entry, and the log says so.
   */
  const moveDraftsTo = async (
    before: StoredFile,
    created: StoredFile,
    drafts: FileUse[],
    groups: DraftGroup[],
    what: string,
    trx: unknown
  ) => {
    await repoint(before, created, drafts, trx);
    await editDrafts(groups, what);
    await record(
      'update',
      before,
      {
        ...infoChanges(before, created),
        newFile: { after: fileLabel(created) },
        kept: { after: '已发布的内容仍使用原文件，草稿改用新文件' },
      },
      drafts,
      created
    );
  };

  /** One 操作日志 entry for the file, and one `update` for each entry whose draft shows it. */
  const record = async (
    action: 'create' | 'update' | 'delete',
    file: StoredFile,
    changes: Record<string, unknown>,
    drafts: FileUse[] = [],
    after: StoredFile | null = file
  ) => {
    await audit().record({
      action,
      targetUid: FILE_UID,
      targetDocumentId: file.documentId ?? String(file.id),
      targetTitle: file.name,
      changes,
    });
    const entries = new Map<string, FileUse[]>();
    for (const use of drafts) {
      const key = `${use.uid}\u0000${use.documentId}\u0000${use.locale ?? ''}`;
      entries.set(key, [...(entries.get(key) ?? []), use]);
    }
    for (const uses of entries.values()) {
      const { uid, documentId, locale } = uses[0];
      const mainField = settingsOf(uid)?.admin?.mainField ?? 'title';
      const model = modelOf(strapi, uid);
      const row = (await strapi.db.query(uid).findOne({
        where: { id: uses[0].rowId },
        select: model?.attributes[mainField] ? ['id', mainField] : ['id'],
      })) as Record<string, unknown> | null;
      await audit().record({
        action: 'update',
        targetUid: uid,
        targetDocumentId: documentId,
        targetLocale: locale,
        targetTitle: titleOf(row, mainField),
        changes: Object.fromEntries(uses.map((use) => [use.field, { before: fileLabel(file), after: fileLabel(after) }])),
      });
      // 版本记录: the draft now shows another file (or caption): a version, in this transaction.
      if (documentId) await getService(strapi, 'versions').record({ uid, documentId, locale }, false);
    }
  };

  const infoChanges = (before: StoredFile, after: StoredFile | null) => {
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of ['name', 'caption', 'alternativeText', 'focalPoint', 'url', 'mime', 'size'] as const) {
      const from = before[key] ?? null;
      const to = after ? (after[key] ?? null) : null;
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { before: from, after: to };
    }
    return changes;
  };

  /** A read stream of a stored file: from the public folder (local provider) or its absolute URL. */
  const readStream = async (url: string): Promise<Readable> => {
    if (/^https?:\/\//i.test(url)) {
      const res = await fetch(url);
      if (!res.ok || !res.body)
        throw new errors.ApplicationError(`原文件无法读取（${res.status}），请稍后重试（The stored file could not be read）`);
      return Readable.fromWeb(res.body as never);
    }
    const root = path.resolve(strapi.dirs.static.public);
    const file = path.resolve(root, `.${decodeURIComponent(url)}`);
    if (!file.startsWith(`${root}${path.sep}`) || !fs.existsSync(file)) {
      throw new errors.ApplicationError('原文件已不存在，无法复制；请重新上传（The stored file is missing）');
    }
    return fs.createReadStream(file);
  };

  /** The file's bytes and formats stored again under a new name: the old ones stay as they are. */
  const copyBytes = async (file: StoredFile) => {
    const hash = fileName(path.basename(file.name, file.ext) || 'file');
    const written: Format[] = [];
    const store = async (piece: Format, url: string) => {
      const target = { ...piece, getStream: () => undefined as unknown } as Format & { getStream: () => unknown };
      const stream = await readStream(url);
      target.getStream = () => stream;
      await providerService().upload(target);
      delete (target as { getStream?: unknown }).getStream;
      written.push(target);
      return target;
    };
    try {
      const main = await store({ hash, ext: file.ext, mime: file.mime, url: file.url, name: file.name }, file.url);
      const formats: Record<string, Format> = {};
      for (const [key, format] of Object.entries(file.formats ?? {})) {
        formats[key] = await store({ ...format, hash: `${key}_${hash}`, name: `${key}_${file.name}` }, format.url);
      }
      return { hash, url: main.url, formats: Object.keys(formats).length ? formats : null, written };
    } catch (error) {
      await Promise.all(
        written.map((piece) =>
          provider()
            .delete(piece)
            .catch(() => undefined)
        )
      );
      throw error;
    }
  };

  // Set below, once the upload service is wrapped; the file and folder services' bulk deletes call it.
  let preflightDelete: (ids: Array<number | string>) => Promise<void> = async () => undefined;

  registry.extend<UploadService>('plugin::upload.upload', (service) => {
    const original = {
      upload: service.upload.bind(service),
      replace: service.replace.bind(service),
      updateFileInfo: service.updateFileInfo.bind(service),
      remove: service.remove.bind(service),
    };

    const upload: UploadService['upload'] = async (args, opts) => {
      // `ref`/`refId`/`field` link the new file to a row directly, published ones included,
      // past the document service: entries get their files in their edit view.
      const ref = args.data?.ref;
      if (typeof ref === 'string' && ref.startsWith('api::')) {
        throw new errors.ValidationError(
          '上传文件时不能直接关联到内容条目；请上传后在条目的编辑页中选择该文件并保存（Attach files in the entry’s edit view）'
        );
      }
      const created = await original.upload(args, opts);
      // After the upload, not around it: image processing must not hold SQLite's one writer.
      await strapi.db.transaction(async () => {
        for (const file of created) await record('create', file, infoChanges({} as StoredFile, file));
      });
      return created;
    };

    const replace: UploadService['replace'] = async (id, args, opts) => {
      const before = await storedFile(id);
      if (!before) return original.replace(id, args, opts);
      const plan = planChange('replace', await usesOf(before));
      const groups = draftGroups(plan.drafts);
      const what = describe('replace', [...plan.drafts, ...plan.shown]);
      await assertMayChangeAll(groups);

      if (plan.mode === 'in-place') {
        // No reader sees this file. Replaced as Strapi does (same URL), outside a transaction:
        // image processing must not hold SQLite's one writer; then the review reset and the
        // 操作日志 together.
        const replaced = await original.replace(id, args, opts);
        await strapi.db.transaction(async () => {
          await editDrafts(groups, what);
          await record(
            'update',
            before,
            { ...infoChanges(before, replaced), bytes: { after: '已更换，地址不变（仅草稿使用）' } },
            plan.drafts,
            replaced
          );
        });
        return replaced;
      }

      // Readers see it: a new file for the drafts, the old one untouched.
      const info = (args.data?.fileInfo ?? {}) as FileInfo;
      const [created] = await original.upload(
        {
          data: {
            fileInfo: {
              name: info.name ?? undefined,
              alternativeText: info.alternativeText ?? before.alternativeText ?? undefined,
              caption: info.caption ?? before.caption ?? undefined,
              focalPoint: info.focalPoint ?? undefined,
              folder: before.folder?.id ?? undefined,
            },
          },
          files: args.file,
        },
        opts
      );
      try {
        return await strapi.db.transaction(async ({ trx }: Transaction) => {
          await moveDraftsTo(before, created, plan.drafts, groups, what, trx);
          return created;
        });
      } catch (error) {
        await original.remove(created).catch((cause) => strapi.log.error(`[media] could not remove ${created.url}: ${cause}`));
        throw error;
      }
    };

    const updateFileInfo: UploadService['updateFileInfo'] = async (id, info, opts) => {
      const before = await storedFile(id);
      if (!before) return original.updateFileInfo(id, info, opts);
      const visible = changedInfo(before, info);
      const plan = visible.length ? planChange('info', await usesOf(before)) : { mode: 'in-place' as const, drafts: [], shown: [] };
      if (plan.mode === 'new-file' && !draftGroups(plan.drafts).length) {
        // Readers see it and no draft uses it (they use their copy already, or there are none):
        // a copy would serve nobody, and each such edit would store the bytes again.
        throw new errors.ApplicationError(
          `读者正在看到此文件，请在稿件中更换（${[...new Set(plan.shown.map(labelOf))].join('、')}）；` +
            '已发布内容中的文件说明不能直接修改（This file is shown to readers and no draft uses it: change it in the entry）'
        );
      }
      const groups = draftGroups(plan.drafts);
      const what = describe('info', [...plan.drafts, ...plan.shown]);
      await assertMayChangeAll(groups);

      if (plan.mode === 'in-place') {
        return strapi.db.transaction(async () => {
          const updated = await original.updateFileInfo(id, info, opts);
          await editDrafts(groups, what);
          await record('update', before, infoChanges(before, updated), plan.drafts, updated);
          return updated;
        });
      }

      // Readers see it: a copy with the new caption, alt or name for the drafts (its own URL,
      // the same bytes); the old file, its metadata included, stays as readers see it.
      const copy = await copyBytes(before);
      try {
        return await strapi.db.transaction(async ({ trx }: Transaction) => {
          const keep = <T>(value: T | null | undefined, stored: T) => (value === null || value === undefined ? stored : value);
          const folder = info.folder === undefined ? (before.folder?.id ?? null) : (info.folder as number | null);
          const created = (await strapi.db.query(FILE_UID).create({
            data: {
              name: keep(info.name as string | undefined, before.name),
              alternativeText: keep(info.alternativeText as string | undefined, before.alternativeText ?? null),
              caption: keep(info.caption as string | undefined, before.caption ?? null),
              focalPoint: keep(info.focalPoint, before.focalPoint ?? null),
              width: before.width ?? null,
              height: before.height ?? null,
              formats: copy.formats,
              hash: copy.hash,
              ext: before.ext,
              mime: before.mime,
              size: before.size,
              sizeInBytes: before.sizeInBytes ?? null,
              url: copy.url,
              provider: before.provider,
              provider_metadata: before.provider_metadata ?? null,
              folder,
              folderPath: info.folder === undefined ? before.folderPath : await folderPathOf(folder),
              ...(opts?.user ? { createdBy: opts.user.id, updatedBy: opts.user.id } : {}),
            } as never,
          })) as StoredFile;
          await moveDraftsTo(before, created, plan.drafts, groups, what, trx);
          return created;
        });
      } catch (error) {
        await Promise.all(
          copy.written.map((piece) =>
            provider()
              .delete(piece)
              .catch(() => undefined)
          )
        );
        throw error;
      }
    };

    const folderPathOf = async (folder: number | null) => folderPath(strapi, folder);

    /** Refuses (400, nothing deleted) a delete of a file readers see. */
    const planDelete = async (file: StoredFile) => {
      const plan = planChange('delete', await usesOf(file));
      if (plan.mode === 'refuse') {
        const titles = [...new Set(plan.shown.map((use) => labelOf(use)))].join('、');
        throw new errors.ApplicationError(
          `该文件正用于已发布的内容（${titles}），读者仍能看到，不能删除；请先在条目中更换或移除该文件，经终审重新发布后再删除（This file is used by published content）`
        );
      }
      const groups = draftGroups(plan.drafts);
      await assertMayChangeAll(groups);
      return { plan, groups };
    };

    const remove: UploadService['remove'] = async (file) => {
      const before = await storedFile(file.id);
      if (!before) return original.remove(file);
      const { plan, groups } = await planDelete(before);
      // In one transaction: the review reset, the entries and the delete (the provider's
      // delete first, then the row and its links) commit or roll back together.
      return strapi.db.transaction(async () => {
        await editDrafts(groups, describe('delete', plan.drafts));
        await record('delete', before, infoChanges(before, null), plan.drafts, null);
        return original.remove(file);
      });
    };

    /** Bulk and folder deletes: every file checked before any is deleted (all or nothing). */
    preflightDelete = async (ids) => {
      for (const id of ids) {
        const file = await storedFile(id);
        if (file) await planDelete(file);
      }
    };

    return Object.assign(service, { upload, replace, updateFileInfo, remove });
  });

  registry.extend<DeleteByIds>('plugin::upload.file', (service) => {
    const deleteByIds = service.deleteByIds.bind(service);
    return Object.assign(service, {
      deleteByIds: async (ids: Array<number | string> = []) => {
        await preflightDelete(ids);
        return deleteByIds(ids);
      },
    });
  });

  registry.extend<DeleteByIds>('plugin::upload.folder', (service) => {
    const deleteByIds = service.deleteByIds.bind(service);
    return Object.assign(service, {
      deleteByIds: async (ids: Array<number | string> = []) => {
        // The files under these folders, found as Strapi's folder service finds them.
        const folders = (await strapi.db.query(FOLDER_UID).findMany({ where: { id: { $in: ids } }, select: ['path'] })) as Array<{
          path: string;
        }>;
        if (folders.length) {
          const files = (await strapi.db.query(FILE_UID).findMany({
            where: { $or: folders.flatMap(({ path: p }) => [{ folderPath: { $eq: p } }, { folderPath: { $startsWith: `${p}/` } }]) },
            select: ['id'],
          })) as Array<{ id: number }>;
          await preflightDelete(files.map((file) => file.id));
        }
        return deleteByIds(ids);
      },
    });
  });
};

/** At start: the morph table is where this file expects it (an upgrade that moves it fails loudly). */
export const checkUploadInternals = (strapi: Core.Strapi) => {
  morphOf(strapi);
};
