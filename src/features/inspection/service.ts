// 发布检查 for editors: what the guard would find on a draft (src/features/inspection/inspector.ts),
// a one-click fix, a 终审's acceptance of a warning, the word list's terms.
import fs from 'fs';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { blockTexts, locate, replaceInBlocks } from '../../lib/inspection/blocks-text';
import type { Term } from '../../lib/inspection/word-list';
import { inspectorOf } from './inspector';
import { fieldPathOf, type Owner } from './types';
import { TERM_UID } from './rules/check-terms';
import { ACCEPTANCE_UID } from './rules/protect-acceptances';
import { getService } from '../services';
import { checkerFor } from '../../utils/permission-checker';

/** The admin permission (Settings › 发布检查) that lets a role accept a warning; Super Admins have it. */
export const ACCEPT_ACTION = 'api::inspection.accept-warnings';

export type { Inspection } from './inspector';
export type Acceptor = { id: number; name: string };
/** A draft an editor asks about through the admin routes. */
export type DraftKey = { uid: string; documentId: string; locale: string };

const createInspectionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { wordList, acceptanceKey, inspect } = inspectorOf(strapi);

  const findOrFail = async (uid: string, documentId: string, locale: string, findingId: string) => {
    const inspection = await inspect(uid, documentId, locale);
    if (!inspection) throw new errors.NotFoundError('No draft of this document in this locale');
    const finding = inspection.findings.find((candidate) => candidate.id === findingId);
    if (!finding) throw new errors.NotFoundError('该问题已不存在，请重新检查（No such finding: the draft changed since it was checked）');
    return { inspection, finding };
  };

  /** The editor's right to the draft, as the content manager checks it: on its type, then on the document itself (owner, locale). */
  const assertMay = async (ability: unknown, { uid, documentId, locale }: DraftKey, need: 'read' | 'update') => {
    const forbidden = () => new errors.ForbiddenError('You may not check or change this document');
    const checker = checkerFor(strapi, ability, uid);
    if (!ability || checker.cannot[need]()) throw forbidden();
    const draft = await strapi.db.query(uid as UID.ContentType).findOne({
      where: { documentId, locale, publishedAt: null },
      select: ['id', 'documentId', 'locale'],
      populate: { createdBy: { select: ['id'] } },
    });
    if (!draft) throw new errors.NotFoundError('No draft of this document in this locale');
    if (checker.cannot[need](draft)) throw forbidden();
  };

  /** Adds terms not already listed with the same kind; returns how many were added. Runs in one transaction. */
  const addTerms = (terms: Term[]) =>
    strapi.db.transaction(async () => {
      const existing = (await strapi.db.query(TERM_UID).findMany({ select: ['term', 'kind'] })) as Term[];
      const known = new Set(existing.map((term) => `${term.kind}\u0000${term.term}`));
      let added = 0;
      for (const term of terms) {
        const key = `${term.kind}\u0000${term.term}`;
        if (known.has(key)) continue;
        known.add(key);
        await strapi
          .documents(TERM_UID)
          .create({ data: { term: term.term, kind: term.kind, replacement: term.replacement ?? undefined, note: term.note ?? undefined } });
        added += 1;
      }
      return added;
    });

  return {
    wordList,

    addTerms,

    /** The starter list (database/seed/inspection-terms.json), once per database: a list an administrator emptied stays empty. */
    async seedStarterTerms() {
      const store = strapi.store({ type: 'plugin', name: 'newsroom' });
      if (await store.get({ key: 'inspection_terms_seeded' })) return 0;
      const file = path.join(strapi.dirs.app.root, 'database', 'seed', 'inspection-terms.json');
      const { terms } = JSON.parse(fs.readFileSync(file, 'utf8')) as { terms: Term[] };
      const added = await addTerms(terms);
      await store.set({ key: 'inspection_terms_seeded', value: true });
      return added;
    },

    inspect,

    /** Refuses (400, findings listed) when a draft of the document in these locales may not go public. */
    assertPublishable: (uid: string, documentId: string, locales: string[] | '*' | null) =>
      inspectorOf(strapi).assertPublishable(uid, documentId, locales),

    /**
     * One-click fix: writes the finding's suggestion in place of its text, in the draft that
     * holds it. `authorize` is asked first about that entry and field (the caller's rights),
     * on the same inspection, so the rules run once before the write.
     */
    async fix(uid: string, documentId: string, locale: string, findingId: string, authorize?: (owner: Owner) => Promise<void>) {
      const { inspection, finding } = await findOrFail(uid, documentId, locale, findingId);
      const owner = inspection.subject.owners.get(finding.field);
      if (owner && authorize) await authorize(owner);
      if (!finding.fixable || finding.suggestion === undefined || finding.start === undefined || finding.end === undefined || !owner) {
        throw new errors.ValidationError('这一项不能一键修改，请在正文中手动修改（This finding has no one-click fix）');
      }
      const sameNode = (node?: Array<string | number>) => JSON.stringify(node ?? null) === JSON.stringify(finding.node ?? null);
      const piece = inspection.subject.pieces.find((candidate) => candidate.field === finding.field && sameNode(candidate.node));
      if (!piece) throw new errors.ValidationError('This finding has no one-click fix');
      const expected = piece.text.slice(finding.start, finding.end);
      const draft = (await strapi.db.query(owner.uid).findOne({
        where: { documentId: owner.documentId, locale: owner.locale, publishedAt: null },
        ...(owner.component ? { select: ['id'], populate: { [owner.component]: true } } : { select: [owner.attribute] }),
      })) as Record<string, unknown> | null;
      // A component's field (信息公开 发布机构): the component is written back whole, with its id, as the admin panel does.
      const component = owner.component ? (draft?.[owner.component] as Record<string, unknown> | null | undefined) : undefined;
      const stored = owner.component ? component?.[owner.attribute] : draft?.[owner.attribute];
      let value: unknown = null;
      if (owner.blocks) {
        const container = blockTexts(draft?.[owner.attribute]).find((text) => sameNode(text.container));
        const at = container && locate(container, finding.start, finding.end);
        if (!at)
          throw new errors.ValidationError('这一处跨越了不同格式的文字，请手动修改（The text spans several formats: edit it by hand）');
        value = replaceInBlocks(draft?.[owner.attribute], at.path, at.start, at.end, expected, finding.suggestion);
      } else {
        if (typeof stored === 'string' && stored.slice(finding.start, finding.end) === expected) {
          value = stored.slice(0, finding.start) + finding.suggestion + stored.slice(finding.end);
        }
      }
      if (value === null) throw new errors.NotFoundError('该问题已不存在，请重新检查（The draft changed since it was checked）');
      await strapi.documents(owner.uid).update({
        documentId: owner.documentId,
        locale: owner.locale ?? undefined,
        data: owner.component ? { [owner.component]: { ...component, [owner.attribute]: value } } : { [owner.attribute]: value },
      });
      return inspect(uid, documentId, locale);
    },

    /** Records a 终审's acceptance of one warning, with the reason; the guard then lets it through. */
    async accept(uid: string, documentId: string, locale: string, findingId: string, reason: string, by: Acceptor) {
      const { inspection, finding } = await findOrFail(uid, documentId, locale, findingId);
      const key = acceptanceKey(inspection.subject, finding);
      if (finding.severity !== 'warn' || !key)
        throw new errors.ValidationError('这一项必须修改，不能确认后发布（Only warnings can be accepted; this must be fixed）');
      if (!finding.accepted) {
        // The acceptance and its 操作日志 entry commit together.
        await strapi.db.transaction(async () => {
          const field = key.targetUid === uid ? finding.field : `${finding.field} (${key.targetUid})`;
          await strapi.db.query(ACCEPTANCE_UID).create({
            data: { ...key, rule: finding.rule, field, match: finding.match, reason, acceptedBy: by.name, acceptedById: by.id },
          });
          await getService(strapi, 'audit').record({
            action: 'override',
            targetUid: key.targetUid,
            targetDocumentId: key.targetDocumentId,
            targetLocale: key.targetLocale,
            targetTitle: inspection.subject.pieces.find((piece) => piece.field === 'title' || piece.field === 'name')?.text ?? null,
            changes: {
              warning: { after: { rule: finding.rule, field, match: finding.match, findingId: key.findingId } },
              reason: { after: reason },
            },
          });
        });
      }
      return inspect(uid, documentId, locale);
    },

    /** The findings on a draft the editor may read (POST /admin/newsroom/inspection/check). */
    async checkFor(ability: unknown, key: DraftKey) {
      await assertMay(ability, key, 'read');
      return inspect(key.uid, key.documentId, key.locale);
    },

    /**
     * A one-click fix by an editor who may edit the draft (POST …/inspection/fix). The fix writes
     * one field of the draft that holds the text (the article, or a linked quote or commended
     * individual): the editor must be allowed to edit that field of that entry, its owner and
     * locale conditions included, as the content manager checks.
     */
    async fixFor(ability: unknown, key: DraftKey, findingId: string) {
      await assertMay(ability, key, 'update');
      const mayWrite = async (owner: Owner) => {
        const entry = await strapi.db.query(owner.uid as UID.ContentType).findOne({
          where: { documentId: owner.documentId, locale: owner.locale, publishedAt: null },
          select: ['id', 'documentId', 'locale'],
          populate: { createdBy: { select: ['id'] } },
        });
        const checker = checkerFor(strapi, ability, owner.uid);
        if (!entry || checker.cannot.update() || checker.cannot.update(entry, fieldPathOf(owner))) {
          throw new errors.ForbiddenError('You may not edit the entry this text belongs to');
        }
      };
      return this.fix(key.uid, key.documentId, key.locale, findingId, mayWrite);
    },

    /** A warning accepted by an editor who may read the draft (POST …/inspection/accept; the route checks ACCEPT_ACTION). */
    async acceptBy(ability: unknown, by: Acceptor, key: DraftKey, findingId: string, reason: string) {
      await assertMay(ability, key, 'read');
      return this.accept(key.uid, key.documentId, key.locale, findingId, reason, by);
    },
  };
};

export default createInspectionService;
export type InspectionService = ReturnType<typeof createInspectionService>;
