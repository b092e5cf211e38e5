// Publish checks for editors and for the guard: runs the rules of src/features/inspection on
// a draft, merges the warnings a 终审 accepted, applies a one-click fix, records an
// acceptance. The word list is compiled once and kept until content changes (on any
// instance: src/utils/content-memo.ts).
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { blockTexts, locate, replaceInBlocks } from '../../lib/inspection/blocks-text';
import { WordList, type Term } from '../../lib/inspection/word-list';
import type { Finding } from '../../lib/inspection/types';
import { blockingOf, enforcedOf, refusal, runRules } from './guard';
import { loadSubject } from './subject';
import { fieldPathOf, type Owner, type Subject } from './types';
import { contentMemo } from '../../utils/content-memo';
import { TERM_UID } from './rules/check-terms';
import { ACCEPTANCE_UID } from './rules/protect-acceptances';
import { fingerprint } from '../../lib/inspection/fingerprint';
import { defaultLocale } from '../../utils/locales';
import { getService } from '../services';

/** The admin permission (Settings › 发布检查) that lets a role accept a warning; Super Admins have it. */
export const ACCEPT_ACTION = 'api::inspection.accept-warnings';

export type Inspection = { subject: Subject; findings: Finding[]; blocking: Finding[] };
type Acceptance = { findingId: string; reason: string; acceptedBy: string | null; createdAt: string };
export type Acceptor = { id: number; name: string };

const createInspectionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const wordList = contentMemo(strapi, async () => {
    const terms = (await strapi.db.query(TERM_UID).findMany({ select: ['term', 'kind', 'replacement', 'note'] })) as Term[];
    return new WordList(terms);
  });

  /**
   * An acceptance belongs to the entry and field the text is stored in (a quote's `text`,
   * not the article's `quotes[0].text`): it holds when the quote is checked by itself, as
   * its own publish does, and when the quotes are reordered.
   */
  const acceptanceKey = (subject: Subject, finding: Finding) => {
    const owner = subject.owners.get(finding.field);
    if (!owner) return null;
    return {
      targetUid: owner.uid,
      targetDocumentId: owner.documentId,
      targetLocale: owner.locale,
      findingId: fingerprint(finding.rule, fieldPathOf(owner), finding.match),
    };
  };
  const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    ['targetUid', 'targetDocumentId', 'targetLocale', 'findingId'].every((key) => (a[key] ?? null) === (b[key] ?? null));

  const withAcceptances = async (subject: Subject, findings: Finding[]) => {
    const keys = findings.flatMap((finding) => {
      const key = finding.severity === 'warn' ? acceptanceKey(subject, finding) : null;
      return key ? [key] : [];
    });
    if (!keys.length) return findings;
    const accepted = (await strapi.db.query(ACCEPTANCE_UID).findMany({
      where: {
        targetDocumentId: { $in: [...new Set(keys.map((key) => key.targetDocumentId))] },
        findingId: { $in: [...new Set(keys.map((key) => key.findingId))] },
      },
      select: ['targetUid', 'targetDocumentId', 'targetLocale', 'findingId', 'reason', 'acceptedBy', 'createdAt'],
      orderBy: { createdAt: 'desc' },
    })) as Array<Acceptance & Record<string, unknown>>;
    return findings.map((finding) => {
      const key = finding.severity === 'warn' && acceptanceKey(subject, finding);
      const record = key && accepted.find((entry) => sameKey(entry, key));
      return record
        ? { ...finding, accepted: { reason: record.reason, by: record.acceptedBy ?? '', at: new Date(record.createdAt).toISOString() } }
        : finding;
    });
  };

  const inspect = async (uid: string, documentId: string, locale: string | null): Promise<Inspection | null> => {
    const subject = await loadSubject(strapi, uid, documentId, locale);
    if (!subject) return null;
    // Only text stored in a field of a document can be fixed in one click (not a file's caption).
    const found = (await runRules(strapi, subject)).map((finding) =>
      finding.fixable && !subject.owners.has(finding.field) ? { ...finding, fixable: false } : finding
    );
    const findings = await withAcceptances(subject, found);
    return { subject, findings, blocking: blockingOf(findings) };
  };

  const findOrFail = async (uid: string, documentId: string, locale: string, findingId: string) => {
    const inspection = await inspect(uid, documentId, locale);
    if (!inspection) throw new errors.NotFoundError('No draft of this document in this locale');
    const finding = inspection.findings.find((candidate) => candidate.id === findingId);
    if (!finding) throw new errors.NotFoundError('该问题已不存在，请重新检查（No such finding: the draft changed since it was checked）');
    return { inspection, finding };
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
    wordList: () => wordList(),

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
    async assertPublishable(uid: string, documentId: string, locales: string[] | '*' | null) {
      const where: Record<string, unknown> = { documentId, publishedAt: null };
      if (locales !== '*') where.locale = { $in: locales ?? [await defaultLocale(strapi)] };
      const drafts = (await strapi.db.query(uid).findMany({ where, select: ['locale'] })) as Array<{
        locale: string | null;
      }>;
      const blocking: Finding[] = [];
      for (const draft of drafts) {
        const inspection = await inspect(uid, documentId, draft.locale ?? null);
        const several = drafts.length > 1 && draft.locale;
        for (const finding of enforcedOf(strapi, inspection?.blocking ?? []))
          blocking.push(several ? { ...finding, field: `${draft.locale}:${finding.field}` } : finding);
      }
      if (blocking.length) throw refusal(blocking);
    },

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
  };
};

export default createInspectionService;
export type InspectionService = ReturnType<typeof createInspectionService>;
