// 信息公开 metadata on articles of the government information disclosure catalogue, as
// editors write it in the content manager and readers get it: 索引号 given at the first
// publish on every path, numbered per organisation and year, never reused and never set
// by a client; 机构代码 and 文号 checked; the metadata public on published articles only.
import { adminToken } from '../helpers/admin';
import { api, graphql } from '../helpers/http';
import { startApp, stopApp, type App } from '../helpers/strapi';
import { yearOf } from '../../src/lib/disclosure';

const ARTICLES = '/content-manager/collection-types/api::article.article';
// Codes of organisations the demo seed does not use (its article holds 11330000002482365P/…-00001).
const ORG_A = '11330000MB0000001A';
const ORG_B = '000000019';

let app: App;
let token: string;
let apiToken: string;
let channel: string;

const asAdmin = <T extends { set: (name: string, value: string) => T }>(req: T) => req.set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  app = await startApp({ RESPONSE_CACHE: 'false' });
  // One login for the whole file: admin logins are rate-limited.
  token = await adminToken(app, 'disclosure-editor@example.gov.cn');
  const created = await asAdmin(api(app).post('/admin/api-tokens')).send({ name: 'writer', type: 'full-access', lifespan: null });
  expect(created.status).toBe(201);
  apiToken = created.body.data.accessKey;
  channel = (await api(app).get('/api/channels?fields[0]=name&pagination[pageSize]=1')).body.data[0].documentId;
});
afterAll(() => stopApp(app));

const year = () => yearOf(new Date());
const numberOf = (code: string, serial: number) => `${code}/${year()}-${String(serial).padStart(5, '0')}`;

type Metadata = Record<string, unknown>;

/** What an editor fills in: a source and a channel too, which the publish guard will require. */
const article = (title: string, disclosure?: Metadata | null) => ({
  title,
  source: '浙江省机关事务管理局 办公室',
  channel: { connect: [{ documentId: channel, locale: 'zh-Hans' }] },
  ...(disclosure !== undefined ? { disclosure } : {}),
});

const metadata = (organizationCode: string, extra: Metadata = {}): Metadata => ({
  organizationCode,
  publishingOrganization: '浙江省机关事务管理局',
  topic: '机关事务',
  documentNumber: '浙机管〔2026〕3号',
  writtenDate: '2026-03-01',
  validity: 'effective',
  disclosureMethod: 'proactive',
  ...extra,
});

const createDraft = async (data: object) => {
  const res = await asAdmin(api(app).post(`${ARTICLES}?locale=zh-Hans`)).send(data);
  expect([res.status, res.body.error]).toEqual([201, undefined]);
  return res.body.data as { documentId: string; disclosure: Metadata | null };
};
const publish = (documentId: string, body: object = {}) =>
  asAdmin(api(app).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`)).send(body);
const draftOf = async (documentId: string) => (await asAdmin(api(app).get(`${ARTICLES}/${documentId}?locale=zh-Hans`))).body.data;
const publicOf = async (documentId: string) => (await api(app).get(`/api/articles/${documentId}`)).body.data;
const registry = () => app.db.connection('disclosure_index_numbers').select('index_number', 'document_id').orderBy('index_number');

/** Publishes a new catalogue article through the content manager and answers its number. */
const publishNew = async (title: string, code: string) => {
  const { documentId } = await createDraft(article(title, metadata(code)));
  const res = await publish(documentId);
  expect([res.status, res.body.error]).toEqual([200, undefined]);
  return { documentId, indexNumber: res.body.data.disclosure.indexNumber as string };
};

describe('索引号', () => {
  test('the first publish in the content manager numbers per organisation and year: A 00001, A 00002, B 00001; draft and published agree', async () => {
    const first = await publishNew('信息公开一', ORG_A);
    const second = await publishNew('信息公开二', ORG_A);
    const other = await publishNew('信息公开三', ORG_B);
    expect([first.indexNumber, second.indexNumber, other.indexNumber]).toEqual([
      numberOf(ORG_A, 1),
      numberOf(ORG_A, 2),
      numberOf(ORG_B, 1),
    ]);
    expect((await draftOf(first.documentId)).disclosure.indexNumber).toBe(numberOf(ORG_A, 1));
    expect((await publicOf(first.documentId)).disclosure.indexNumber).toBe(numberOf(ORG_A, 1));
  });

  test('an article without the metadata is not in the catalogue: published without a number, none used', async () => {
    const { documentId } = await createDraft(article('普通稿件'));
    expect((await publish(documentId)).status).toBe(200);
    expect((await publicOf(documentId)).disclosure).toBeNull();
    expect((await publishNew('信息公开四', ORG_A)).indexNumber).toBe(numberOf(ORG_A, 3));
  });

  test('re-publishing keeps the number, also after 机构代码 changes or the metadata is removed and added again', async () => {
    const { documentId, indexNumber } = await publishNew('重新发布', ORG_A);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await publish(documentId)).body.data.disclosure.indexNumber).toBe(indexNumber);

    const draft = await draftOf(documentId);
    const moved = await asAdmin(api(app).put(`${ARTICLES}/${documentId}?locale=zh-Hans`)).send({
      ...draft,
      disclosure: { ...draft.disclosure, organizationCode: ORG_B },
    });
    expect(moved.status).toBe(200);
    const republished = await publish(documentId);
    expect(republished.body.data.disclosure).toMatchObject({ organizationCode: ORG_B, indexNumber });

    // Out of the catalogue, then back in: the document's number comes back, no new one is used.
    expect((await asAdmin(api(app).put(`${ARTICLES}/${documentId}?locale=zh-Hans`)).send({ disclosure: null })).status).toBe(200);
    expect((await publish(documentId)).body.data.disclosure).toBeNull();
    const back = await asAdmin(api(app).put(`${ARTICLES}/${documentId}?locale=zh-Hans`)).send({ disclosure: metadata(ORG_A) });
    expect([back.status, back.body.data.disclosure.indexNumber]).toEqual([200, indexNumber]);
    expect((await publish(documentId)).body.data.disclosure.indexNumber).toBe(indexNumber);
    expect((await registry()).filter((row) => row.document_id === documentId)).toHaveLength(1);
  });

  test('unpublishing and deleting never free a number: the next article gets the next one', async () => {
    const gone = await publishNew('将被删除', ORG_B);
    expect((await asAdmin(api(app).post(`${ARTICLES}/${gone.documentId}/actions/unpublish?locale=zh-Hans`)).send({})).status).toBe(200);
    expect((await asAdmin(api(app).delete(`${ARTICLES}/${gone.documentId}?locale=zh-Hans`))).status).toBe(200);
    expect((await api(app).get(`/api/articles/${gone.documentId}`)).status).toBe(404);
    const next = await publishNew('删除之后', ORG_B);
    const serial = (indexNumber: string) => Number(indexNumber.split('-').pop());
    expect(serial(next.indexNumber)).toBe(serial(gone.indexNumber) + 1);
    expect(await registry()).toContainEqual({ index_number: gone.indexNumber, document_id: gone.documentId });
  });

  test('REST create with status published, bulk publish and document-service publish number too, in sequence', async () => {
    const before = (await registry()).filter((row) => row.index_number.startsWith(`${ORG_B}/`)).length;
    const rest = await api(app)
      .post('/api/articles?status=published')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { ...article('接口发布', metadata(ORG_B)), channel: channel } });
    expect([rest.status, rest.body.error]).toEqual([201, undefined]);
    expect((await publicOf(rest.body.data.documentId)).disclosure.indexNumber).toBe(numberOf(ORG_B, before + 1));
    expect((await draftOf(rest.body.data.documentId)).disclosure.indexNumber).toBe(numberOf(ORG_B, before + 1));

    const drafts = [await createDraft(article('批量一', metadata(ORG_B))), await createDraft(article('批量二', metadata(ORG_B)))];
    const bulk = await asAdmin(api(app).post(`${ARTICLES}/actions/bulkPublish?locale=zh-Hans`)).send({
      documentIds: drafts.map((draft) => draft.documentId),
    });
    expect(bulk.status).toBe(200);
    const bulkNumbers = await Promise.all(drafts.map(async (draft) => (await publicOf(draft.documentId)).disclosure.indexNumber));
    expect(bulkNumbers.sort()).toEqual([numberOf(ORG_B, before + 2), numberOf(ORG_B, before + 3)]);

    const scripted = await app
      .documents('api::article.article')
      .create({ locale: 'zh-Hans', data: article('脚本稿件', metadata(ORG_B)) as never });
    await app.documents('api::article.article').publish({ documentId: scripted.documentId, locale: 'zh-Hans' });
    expect((await publicOf(scripted.documentId)).disclosure.indexNumber).toBe(numberOf(ORG_B, before + 4));
  });
});

describe('only the server sets 索引号', () => {
  test('a number sent with a new draft, a save or a REST update is replaced by the document’s own', async () => {
    const draft = await createDraft(article('伪造索引号', metadata(ORG_A, { indexNumber: `${ORG_A}/2020-00001` })));
    expect(draft.disclosure!.indexNumber).toBeNull();
    const published = await publish(draft.documentId);
    const own = published.body.data.disclosure.indexNumber as string;
    expect(own).toMatch(new RegExp(`^${ORG_A}/${year()}-\\d{5}$`));

    const current = await draftOf(draft.documentId);
    const forged = await asAdmin(api(app).put(`${ARTICLES}/${draft.documentId}?locale=zh-Hans`)).send({
      ...current,
      disclosure: { ...current.disclosure, indexNumber: 'FORGED/2026-99999', topic: '改了主题' },
    });
    expect(forged.status).toBe(200);
    expect(forged.body.data.disclosure).toMatchObject({ indexNumber: own, topic: '改了主题' });

    const rest = await api(app)
      .put(`/api/articles/${draft.documentId}?status=published`)
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { disclosure: metadata(ORG_A, { indexNumber: 'FORGED/2026-99998' }) } });
    expect([rest.status, rest.body.error]).toEqual([200, undefined]);
    expect((await publicOf(draft.documentId)).disclosure.indexNumber).toBe(own);
    expect((await draftOf(draft.documentId)).disclosure.indexNumber).toBe(own);
    expect((await registry()).map((row) => row.index_number)).not.toContain('FORGED/2026-99999');
  });

  test('a copy made with 复制 (clone) does not carry the original’s number; it gets its own at its first publish', async () => {
    const original = await publishNew('被复制的稿件', ORG_A);
    const clone = await asAdmin(api(app).post(`${ARTICLES}/clone/${original.documentId}?locale=zh-Hans`)).send({
      title: '复制的稿件',
      slug: 'fu-zhi-de-gao-jian',
    });
    expect([clone.status, clone.body.error]).toEqual([200, undefined]);
    const copy = clone.body.data.documentId as string;
    expect((await draftOf(copy)).disclosure).toMatchObject({ organizationCode: ORG_A, indexNumber: null });
    const own = (await publish(copy)).body.data.disclosure.indexNumber;
    expect(own).not.toBe(original.indexNumber);
    expect(Number(own.split('-').pop())).toBe(Number(original.indexNumber.split('-').pop()) + 1);
  });
});

describe('机构代码 and 文号', () => {
  test('wrong brackets around the year and lower-case or hyphenated codes are corrected on save', async () => {
    const draft = await createDraft(article('文号括号', metadata('00000001-9', { documentNumber: '浙政办发【2022】12号' })));
    expect(draft.disclosure).toMatchObject({ organizationCode: '000000019', documentNumber: '浙政办发〔2022〕12号' });
    const saved = await asAdmin(api(app).put(`${ARTICLES}/${draft.documentId}?locale=zh-Hans`)).send({
      disclosure: metadata('11330000mb0000001a', { documentNumber: '国办发(2019)19号' }),
    });
    expect(saved.body.data.disclosure).toMatchObject({ organizationCode: ORG_A, documentNumber: '国办发〔2019〕19号' });
  });

  test('a bad 机构代码 or 文号 is a 400 in Strapi’s error shape, and nothing is written or numbered', async () => {
    const { documentId } = await createDraft(article('错误代码', metadata(ORG_A)));
    const before = await draftOf(documentId);
    const numbers = (await registry()).length;
    for (const [field, value] of [
      ['organizationCode', 'ABC-12'],
      ['organizationCode', '浙江省机关事务管理局'],
      ['documentNumber', '浙政办发2022年12号'],
    ] as const) {
      const res = await asAdmin(api(app).put(`${ARTICLES}/${documentId}?locale=zh-Hans`)).send({
        ...before,
        title: '不应保存',
        disclosure: { ...before.disclosure, [field]: value },
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: expect.stringMatching(field === 'documentNumber' ? /文号/ : /机构代码/),
          details: { errors: [expect.objectContaining({ path: ['disclosure', field] })] },
        },
      });
      const publishing = await publish(documentId, { ...before, disclosure: { ...before.disclosure, [field]: value } });
      expect([publishing.status, publishing.body.error.name]).toEqual([400, 'ValidationError']);
    }
    expect(await draftOf(documentId)).toMatchObject({ title: '错误代码', disclosure: before.disclosure });
    expect((await api(app).get(`/api/articles/${documentId}`)).status).toBe(404);

    // Over REST: refused, no article made.
    const rest = await api(app)
      .post('/api/articles')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { title: '接口错误代码', disclosure: metadata('bad') } });
    expect([rest.status, rest.body.error.name, rest.body.data]).toEqual([400, 'ValidationError', null]);
    expect(await app.db.query('api::article.article').count({ where: { title: '接口错误代码' } })).toBe(0);
    expect((await registry()).length).toBe(numbers);
  });

  test('publishing catalogue metadata without 机构代码 is refused and uses no number', async () => {
    const { documentId } = await createDraft(article('缺机构代码', metadata(ORG_B, { organizationCode: '' })));
    const numbers = (await registry()).length;
    const res = await publish(documentId);
    expect([res.status, res.body.error.name]).toEqual([400, 'ValidationError']);
    expect((await api(app).get(`/api/articles/${documentId}`)).status).toBe(404);
    expect((await registry()).length).toBe(numbers);
  });
});

describe('readers', () => {
  let documentId: string;
  let indexNumber: string;
  let slug: string;

  beforeAll(async () => {
    ({ documentId, indexNumber } = await publishNew('公开的信息公开稿件', ORG_A));
    slug = (await publicOf(documentId)).slug;
    // A draft edit that is not published, and a catalogue article that never was.
    const draft = await draftOf(documentId);
    await asAdmin(api(app).put(`${ARTICLES}/${documentId}?locale=zh-Hans`)).send({
      ...draft,
      disclosure: { ...draft.disclosure, topic: '草稿里的主题', validity: 'repealed' },
    });
    await createDraft(article('从未发布的信息公开稿件', metadata(ORG_A, { topic: '草稿里的主题' })));
  });

  const PUBLISHED = {
    indexNumber: expect.any(String),
    organizationCode: ORG_A,
    publishingOrganization: '浙江省机关事务管理局',
    topic: '机关事务',
    documentNumber: '浙机管〔2026〕3号',
    writtenDate: '2026-03-01',
    validity: 'effective',
    disclosureMethod: 'proactive',
  };

  test('REST shows the published metadata on findOne, by-slug, the list and populate; never the draft’s', async () => {
    expect((await publicOf(documentId)).disclosure).toEqual({ id: expect.any(Number), ...PUBLISHED, indexNumber });
    expect((await api(app).get(`/api/articles/by-slug/${slug}`)).body.data.disclosure).toMatchObject({ ...PUBLISHED, indexNumber });
    const list = await api(app).get(`/api/articles?filters[slug][$eq]=${slug}`);
    expect(list.body.data[0].disclosure).toMatchObject({ ...PUBLISHED, indexNumber });
    const populated = await api(app).get(
      `/api/articles?fields[0]=title&populate[disclosure]=true&filters[disclosure][indexNumber][$eq]=${indexNumber}`
    );
    expect([populated.status, populated.body.data.map((a: { title: string }) => a.title)]).toEqual([200, ['公开的信息公开稿件']]);
    const everything = JSON.stringify(
      (await api(app).get('/api/articles?populate[disclosure]=true&fields[0]=title&pagination[pageSize]=100')).body
    );
    expect(everything).not.toContain('草稿里的主题');
    expect(everything).not.toContain('从未发布的信息公开稿件');
  });

  test('GraphQL shows the published metadata; a draft request is refused', async () => {
    const res = await graphql(
      app,
      `
        query ($slug: String!) {
          articles(filters: { slug: { eq: $slug } }) {
            title
            disclosure {
              indexNumber
              organizationCode
              publishingOrganization
              topic
              documentNumber
              writtenDate
              validity
              disclosureMethod
            }
          }
        }
      `,
      { slug }
    );
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
    expect(res.body.data.articles).toEqual([{ title: '公开的信息公开稿件', disclosure: { ...PUBLISHED, indexNumber } }]);
    const all = await graphql(
      app,
      `
        {
          articles(pagination: { limit: 100 }) {
            title
            disclosure {
              topic
            }
          }
        }
      `
    );
    expect(JSON.stringify(all.body)).not.toContain('草稿里的主题');
    const draft = await graphql(
      app,
      `
        {
          articles(status: DRAFT) {
            title
            disclosure {
              topic
            }
          }
        }
      `
    );
    expect(JSON.stringify(draft.body)).not.toContain('草稿里的主题');
    expect(draft.body.errors?.length ?? 0).toBeGreaterThan(0);
  });

  test('the English version shares the metadata and its number', async () => {
    const en = await asAdmin(api(app).put(`${ARTICLES}/${documentId}?locale=en`)).send({
      title: 'Disclosed story',
      source: 'The Administration',
    });
    expect(en.status).toBe(200);
    expect((await asAdmin(api(app).post(`${ARTICLES}/${documentId}/actions/publish?locale=en`)).send({})).status).toBe(200);
    const english = (await api(app).get(`/api/articles/${documentId}?locale=en`)).body.data;
    expect(english.disclosure).toMatchObject({ indexNumber, organizationCode: ORG_A, publishingOrganization: '浙江省机关事务管理局' });
  });
});
