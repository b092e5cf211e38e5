// What the publish guard runs on a draft: the publish rules, with the warnings a 终审
// accepted merged in. The guard owns it (src/features/inspection/guard.ts); the
// inspection service (the admin panel's 发布检查, fixes, acceptances) reads it too.
// One per app: the word list is compiled once and kept until content changes (on any
// instance: src/utils/content-memo.ts).
import type { Core, UID } from '@strapi/strapi';
import { WordList, type Term } from '../../lib/inspection/word-list';
import type { Finding } from '../../lib/inspection/types';
import { fingerprint } from '../../lib/inspection/fingerprint';
import { blockingOf, enforcedOf, refusal, runRules } from './publish-rules';
import { loadSubject } from './subject';
import { fieldPathOf, type Subject } from './types';
import { contentMemo } from '../../utils/content-memo';
import { defaultLocale } from '../../utils/locales';
import { TERM_UID } from './rules/check-terms';
import { ACCEPTANCE_UID } from './rules/protect-acceptances';

export type Inspection = { subject: Subject; findings: Finding[]; blocking: Finding[] };
type Acceptance = { findingId: string; reason: string; acceptedBy: string | null; createdAt: string };

const createInspector = (strapi: Core.Strapi) => {
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

  /** Refuses (400, findings listed) when a draft of the document in these locales may not go public. */
  const assertPublishable = async (uid: string, documentId: string, locales: string[] | '*' | null) => {
    const where: Record<string, unknown> = { documentId, publishedAt: null };
    if (locales !== '*') where.locale = { $in: locales ?? [await defaultLocale(strapi)] };
    const drafts = (await strapi.db.query(uid as UID.ContentType).findMany({ where, select: ['locale'] })) as Array<{
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
  };

  return { wordList: () => wordList(), acceptanceKey, inspect, assertPublishable };
};

export type Inspector = ReturnType<typeof createInspector>;
const inspectors = new WeakMap<Core.Strapi, Inspector>();

/** The app's inspector, made on first use. */
export const inspectorOf = (strapi: Core.Strapi): Inspector => {
  let inspector = inspectors.get(strapi);
  if (!inspector) inspectors.set(strapi, (inspector = createInspector(strapi)));
  return inspector;
};
