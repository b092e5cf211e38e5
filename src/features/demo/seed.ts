// Loads the demo content (database/seed/demo.json, from the sample legacy page)
// through the document service, so it is validated, localized and published the
// way an editor's content is. Idempotent: an entry already there is left alone. Demo
// entries that pass 三审 are recorded as approved (a system move) before they are published,
// so a fresh clone starts with REVIEW_REQUIRED on. They are approved once every entry is
// written: a quote linked to an approved article would send it back to 初审
// (guard-linked-edits.ts); quotes are drafts that go public with their article.
import fs from 'fs';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import { allTypeSettings, reviewModeOf, type TypeSettings } from '../../utils/type-settings';
import { getService } from '../services';
import { untypedDocuments } from '../../strapi-internals/documents';

type Fields = Record<string, unknown>;
type SeedEntry = {
  key: string;
  data?: Fields;
  /** relation name -> "group:key" reference (or a list of them) */
  relations?: Record<string, string | string[]>;
  /** locale code -> localized fields; the first locale is created first */
  locales: Record<string, Fields>;
};
type SeedFile = Record<string, SeedEntry[]>;

type Group = { name: string; ref: string; uid: UID.ContentType; match: NonNullable<TypeSettings['seed']>['match'] };

/** Seed groups as the types declare them, in dependency order: a group only refers to groups above it. */
const groups = (): Group[] =>
  allTypeSettings()
    .filter((settings) => settings.seed)
    .sort((a, b) => a.seed!.order - b.seed!.order)
    .map(({ uid, seed }) => ({ name: seed!.group, ref: seed!.ref, uid, match: seed!.match }));

export type SeedResult = { created: number; existing: number };

export const DEMO_SEED_FILE = (strapi: Core.Strapi) => path.join(strapi.dirs.app.root, 'database', 'seed', 'demo.json');

const resolveRelations = (relations: SeedEntry['relations'], refs: Map<string, string>): Fields => {
  const out: Fields = {};
  for (const [name, value] of Object.entries(relations ?? {})) {
    const lookup = (ref: string) => {
      const documentId = refs.get(ref);
      if (!documentId) throw new Error(`Seed refers to ${ref}, which is not defined above it`);
      return documentId;
    };
    out[name] = Array.isArray(value) ? value.map(lookup) : lookup(value);
  }
  return out;
};

/** True when there is no editorial content yet: the only case where startup seeds. */
export const isContentEmpty = async (strapi: Core.Strapi) => {
  for (const { uid } of groups()) {
    if ((await strapi.db.query(uid).count()) > 0) return false;
  }
  return true;
};

export const seedDemo = async (strapi: Core.Strapi, file = DEMO_SEED_FILE(strapi)): Promise<SeedResult> => {
  const seed = JSON.parse(fs.readFileSync(file, 'utf8')) as SeedFile;
  const refs = new Map<string, string>();
  const result: SeedResult = { created: 0, existing: 0 };

  // One transaction: a failure half-way leaves the database as it was.
  await strapi.db.transaction(async () => {
    const approvals: Array<() => Promise<void>> = [];
    for (const group of groups()) {
      // Typed UIDs would need a switch per group; the seed file is validated by the document service instead.
      const documents = untypedDocuments(strapi, group.uid) as DocumentsApi;
      for (const entry of seed[group.name] ?? []) {
        const [primaryLocale, ...otherLocales] = Object.keys(entry.locales);
        const primary = entry.locales[primaryLocale];
        const found = await documents.findFirst({
          locale: primaryLocale,
          status: 'draft',
          filters: group.match(entry, primary, refs),
          fields: ['documentId'],
        });
        if (found) {
          refs.set(`${group.ref}:${entry.key}`, found.documentId);
          result.existing += 1;
          continue;
        }
        const relations = resolveRelations(entry.relations, refs);
        const mode = reviewModeOf(group.uid);
        // Reviewed types: written as drafts, approved, then published (the guard checks the
        // stage); those reviewed with their article are published with it.
        const status = mode === 'none' ? 'published' : 'draft';
        const approveAndPublish = async (documentId: string, locale: string) => {
          if (mode !== 'own') return;
          approvals.push(async () => {
            await getService(strapi, 'review').systemMove(
              { uid: group.uid, documentId, locale },
              'approved',
              '演示数据，按已审核载入（demo content）'
            );
            await documents.publish({ documentId, locale });
          });
        };
        const created = await documents.create({
          locale: primaryLocale,
          status,
          data: { ...entry.data, ...relations, ...primary },
        });
        await approveAndPublish(created.documentId, primaryLocale);
        for (const locale of otherLocales) {
          await documents.update({
            documentId: created.documentId,
            locale,
            status,
            data: { ...relations, ...entry.locales[locale] },
          });
          await approveAndPublish(created.documentId, locale);
        }
        refs.set(`${group.ref}:${entry.key}`, created.documentId);
        result.created += 1;
      }
    }
    for (const approveAndPublishNow of approvals) await approveAndPublishNow();
  });
  return result;
};

type DocumentsApi = {
  findFirst: (params: Fields) => Promise<{ documentId: string } | null>;
  create: (params: Fields) => Promise<{ documentId: string }>;
  update: (params: Fields) => Promise<unknown>;
  publish: (params: Fields) => Promise<unknown>;
};
