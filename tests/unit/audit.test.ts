// The audit trail's decisions as plain functions: the field-level diff, who the actor is,
// which writes are recorded, the CSV cells and the admin API's query.
import { diffFields, MAX_TEXT, titleOf, type AttributeInfo } from '../../src/lib/audit/diff';
import { actorOf } from '../../src/lib/audit/actor';
import { BOM, csvCell, csvLine } from '../../src/lib/audit/csv';
import { auditPlan, isWorthRecording } from '../../src/features/audit/rules/record-audit';
import { isAuditLogWrite } from '../../src/features/audit/rules/protect-audit-log';
import { parseAuditQuery } from '../../src/features/audit/controller';

const ARTICLE: Record<string, AttributeInfo> = {
  title: { type: 'string' },
  source: { type: 'string' },
  summary: { type: 'text' },
  body: { type: 'blocks' },
  legacyKey: { type: 'string', private: true },
  apiPassword: { type: 'string' },
  channel: { type: 'relation' },
  quotes: { type: 'relation' },
  cover: { type: 'media' },
  disclosure: { type: 'component' },
  publishDate: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
};
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

describe('the field-level diff', () => {
  test('records before and after of changed fields only; bookkeeping fields are left out', () => {
    const before = { id: 1, title: '旧标题', source: '办公室', updatedAt: '2026-11-01T00:00:00.000Z', channel: { documentId: 'c1' } };
    const after = { id: 2, title: '新标题', source: '办公室', updatedAt: '2026-11-30T00:00:00.000Z', channel: { documentId: 'c2' } };
    expect(diffFields(ARTICLE, before, after)).toEqual({
      title: { before: '旧标题', after: '新标题' },
      channel: { before: 'c1', after: 'c2' },
    });
  });

  test('a new entry lists its filled fields with before null; nothing is recorded for unchanged versions', () => {
    expect(diffFields(ARTICLE, null, { title: '标题', source: null, quotes: [] })).toEqual({ title: { before: null, after: '标题' } });
    const same = { title: 'A', publishDate: new Date('2026-11-30T08:00:00Z') };
    expect(diffFields(ARTICLE, same, { title: 'A', publishDate: '2026-11-30T08:00:00.000Z' })).toEqual({});
  });

  test('private and password-like fields are recorded as changed, without their values', () => {
    const changes = diffFields(
      ARTICLE,
      { legacyKey: 'old.html', apiPassword: 'hunter2' },
      { legacyKey: 'new.html', apiPassword: 'hunter3' }
    );
    expect(changes).toEqual({ legacyKey: { redacted: true }, apiPassword: { redacted: true } });
    expect(JSON.stringify(changes)).not.toMatch(/hunter|\.html/);
  });

  test('long text and rich text are bounded: length and an excerpt around the first difference', () => {
    const long = '前'.repeat(5000);
    const changes = diffFields(ARTICLE, { summary: `${long}旧${long}` }, { summary: `${long}新${long}` });
    const after = changes.summary.after as { length: number; excerpt: string; offset: number };
    expect(after.length).toBe(10001);
    expect(after.excerpt).toContain('新');
    expect(after.excerpt.length).toBeLessThan(MAX_TEXT);
    const body = diffFields(ARTICLE, { body: [paragraph('第一段')] }, { body: [paragraph('第一段'), paragraph('x'.repeat(100_000))] });
    expect(JSON.stringify(body).length).toBeLessThan(1000);
    expect(body.body.before).toEqual({ length: 3, offset: 0, excerpt: '第一段' });
  });

  test('components compare without their row ids; media by name and id; long relation lists by count', () => {
    expect(diffFields(ARTICLE, { disclosure: { id: 1, docNumber: 'A' } }, { disclosure: { id: 9, docNumber: 'A' } })).toEqual({});
    expect(diffFields(ARTICLE, { cover: null }, { cover: { id: 3, name: 'a.jpg' } })).toEqual({
      cover: { before: null, after: 'a.jpg#3' },
    });
    const many = Array.from({ length: 60 }, (_, i) => ({ documentId: `q${i}` }));
    const quotes = diffFields(ARTICLE, { quotes: [{ documentId: 'q0' }] }, { quotes: many }).quotes.after as {
      count: number;
      first: string[];
    };
    expect(quotes.count).toBe(60);
    expect(quotes.first).toHaveLength(50);
  });

  test('the title shown is the main field, else title or name, bounded', () => {
    expect(titleOf({ name: '工作动态' })).toBe('工作动态');
    expect(titleOf({ term: '农民工' }, 'term')).toBe('农民工');
    expect(titleOf({ title: 'x'.repeat(500) })!.length).toBe(MAX_TEXT + 1);
    expect(titleOf(null)).toBeNull();
  });
});

describe('who and from where', () => {
  const request = { ip: '203.0.113.9', header: { 'user-agent': 'Mozilla/5.0', 'x-request-id': 'req-1' } };

  test('an administrator by name and e-mail, an API token by its name, with address and browser', () => {
    const admin = actorOf(
      {
        request,
        state: { user: { id: 7, firstname: '王', lastname: '芳', email: 'wf@example.gov.cn' }, auth: { strategy: { name: 'admin' } } },
      },
      'strapi'
    );
    expect(admin).toEqual({
      actorKind: 'admin',
      actorId: 7,
      actorName: '王 芳',
      actorEmail: 'wf@example.gov.cn',
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0',
      requestId: 'req-1',
    });
    const token = actorOf(
      { request, state: { auth: { strategy: { name: 'api-token' }, credentials: { id: 3, name: 'importer' } } } },
      'strapi'
    );
    expect(token).toMatchObject({ actorKind: 'api-token', actorId: 3, actorName: 'importer', actorEmail: null });
  });

  test('outside a request it is the system, named by its script; a request without credentials is anonymous', () => {
    expect(actorOf(undefined, 'import.js')).toMatchObject({ actorKind: 'system', actorName: 'system: import.js', ip: null });
    expect(actorOf({ request, state: {} }, 'strapi')).toMatchObject({ actorKind: 'anonymous', ip: '203.0.113.9' });
  });
});

describe('what is recorded', () => {
  test('every write of a project type, with the version it changes; reads and logs are not', () => {
    expect(auditPlan('api::article.article', 'update', {}, true)).toEqual({ version: 'draft', readBefore: true, readAfter: true });
    expect(auditPlan('api::article.article', 'publish', {}, true)?.version).toBe('published');
    expect(auditPlan('api::article.article', 'create', { status: 'published' }, true)?.version).toBe('published');
    expect(auditPlan('api::rebuild.rebuild-target', 'update', {}, false)?.version).toBe('only');
    expect(auditPlan('api::article.article', 'delete', {}, true)).toEqual({ version: null, readBefore: true, readAfter: false });
    expect(auditPlan('api::article.article', 'findMany', {}, true)).toBeNull();
    expect(auditPlan('api::audit.audit-entry', 'create', {}, false)).toBeNull();
    expect(auditPlan('api::rebuild.rebuild-delivery', 'update', {}, false)).toBeNull();
    expect(auditPlan('admin::user', 'update', {}, false)).toBeNull();
  });

  test('an update that changed nothing is not an event; other actions always are', () => {
    expect(isWorthRecording('update', {})).toBe(false);
    expect(isWorthRecording('update', { title: { before: 'a', after: 'b' } })).toBe(true);
    expect(isWorthRecording('publish', {})).toBe(true);
  });

  test('every document-service write to the audit log is refused', () => {
    for (const action of ['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']) {
      expect(isAuditLogWrite('api::audit.audit-entry', action)).toBe(true);
    }
    expect(isAuditLogWrite('api::audit.audit-entry', 'findMany')).toBe(false);
    expect(isAuditLogWrite('api::article.article', 'update')).toBe(false);
  });
});

describe('CSV for Excel', () => {
  test('quotes commas, quotes and line breaks; defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
    for (const formula of ['=1+1', '+86 138', '-2', '@SUM(A1)']) expect(csvCell(formula)).toBe(`'${formula}`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell(null)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvLine(['a', 1])).toBe('a,1\r\n');
    expect(BOM).toBe('\uFEFF');
  });
});

describe('the admin API query', () => {
  test('filters and pages; a bare date is a whole Beijing day', () => {
    const { filters, page, pageSize } = parseAuditQuery({ action: 'publish', user: '王', from: '2026-11-30', to: '2026-11-30', page: '2' });
    expect(filters.action).toBe('publish');
    expect(filters.from!.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(filters.to!.toISOString()).toBe('2026-11-30T15:59:59.999Z');
    expect([page, pageSize]).toEqual([2, 25]);
  });

  test('bad input is a ValidationError', () => {
    for (const query of [
      { action: 'drop' },
      { from: 'yesterday' },
      { pageSize: '1000' },
      { page: '0' },
      { user: ['a', 'b'] },
      { from: '2026-12-01', to: '2026-11-01' },
    ]) {
      expect(() => parseAuditQuery(query)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
    }
  });
});
