// The side-door matrix (#27): "nothing reaches readers that 终审 has not approved", tried for
// every role and token against every path that can change what readers see of an article.
// Each cell starts from a fresh article that passed 三审 and was published (with a cover, an
// attachment, a quote and a commended unit), tries one change as one actor, and checks:
//   - no answer is a 5xx;
//   - the public answer (REST, GraphQL, the cover's bytes) is what it was, unless the path
//     takes the article down and the actor holds the publish right;
//   - a change that was accepted sent the article back to 初审 and is in the 操作日志 under
//     the actor's own name.
// Every write route the running app serves must be a row of the matrix or listed as not
// touching what readers see (with why): a route added later without its row fails here.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, type Json } from '../helpers/http';
import { adminToken, editorWithRole } from '../helpers/admin';
import sharp from 'sharp';

let app: App;
let admin: string;

const ARTICLE = 'api::article.article';
const QUOTE = 'api::speaker-quote.speaker-quote';
const UNIT = 'api::commended-unit.commended-unit';
const CM = '/content-manager/collection-types';
const LOCALE = 'zh-Hans';

type Actor = 'writer' | 'writer2' | 'first' | 'second' | 'final' | 'readOnly' | 'fullAccess';
const ADMINS = { writer: '撰稿', writer2: '撰稿', first: '初审', second: '复审', final: '终审' } as const;
const ACTORS: Actor[] = ['writer', 'writer2', 'first', 'second', 'final', 'readOnly', 'fullAccess'];
const secrets = {} as Record<Actor, string>;
const names = {} as Record<Actor, string>;

/** The fixture each cell starts from: a published, approved article of `writer`'s. */
type Fixture = { articleId: string; quoteId: string; unitId: string; coverId: number; coverUrl: string; attachmentId: number };

const authed = (actor: Actor | 'admin') => {
  const auth = `Bearer ${actor === 'admin' ? admin : secrets[actor]}`;
  return {
    get: (url: string) => api(app).get(url).set('Authorization', auth),
    post: (url: string, body: object = {}) => api(app).post(url).set('Authorization', auth).send(body),
    put: (url: string, body: object = {}) => api(app).put(url).set('Authorization', auth).send(body),
    del: (url: string) => api(app).delete(url).set('Authorization', auth),
    upload: (url: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) => {
      let req = api(app).post(url).set('Authorization', auth);
      for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
      if (file) req = req.attach('files', file.bytes, { filename: file.name, contentType: file.type });
      return req;
    },
  };
};

// A small PNG of a given grey, so that each upload's bytes differ.
const png = (grey: number) =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: { r: grey, g: grey, b: grey } } })
    .png()
    .toBuffer();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A move as the 审核 panel makes it: naming the draft's version the caller's edit view shows (a 通过 must). */
const move = async (actor: Actor | 'admin', documentId: string, uid = ARTICLE) => {
  const view = await authed(actor).get(`${CM}/${uid}/${documentId}?locale=${LOCALE}`);
  return authed(actor).post('/admin/newsroom/review/move', {
    uid,
    documentId,
    locale: LOCALE,
    move: 'forward',
    expectedUpdatedAt: view.body.data?.updatedAt,
  });
};
const stageOf = async (documentId: string, uid = ARTICLE) =>
  (await authed('admin').post('/admin/newsroom/review/state', { uid, documentId, locale: LOCALE })).body.data?.stage as string;

const ok = (res: { status: number; body: Json }, what: string) => {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
};

const uploadAs = async (actor: Actor | 'admin', name: string, type: string, bytes: Buffer, info: object) =>
  ok(await authed(actor).upload('/upload', { fileInfo: JSON.stringify(info) }, { name, type, bytes }), `upload ${name}`).body[0] as {
    id: number;
    url: string;
  };

let unitSeq = 0;
const published = async (): Promise<Fixture> => {
  const cover = await uploadAs('writer', 'cover.png', 'image/png', await png(0x10), { caption: '会场', alternativeText: '会场全景' });
  const attachment = await uploadAs('writer', '决定.pdf', 'application/pdf', PDF, { caption: '表彰决定' });
  unitSeq += 1;
  const unit = await app.documents(UNIT).create({ locale: LOCALE, data: { name: `先进集体${unitSeq}` } as never });
  // A commended unit passes 三审 on its own; the Super Admin holds every stage.
  for (let i = 0; i < 4; i += 1) ok(await move('admin', unit.documentId, UNIT), 'move the unit');
  await app.documents(UNIT).publish({ documentId: unit.documentId, locale: LOCALE });
  const created = ok(
    await authed('writer').post(`${CM}/${ARTICLE}?locale=${LOCALE}`, {
      title: '已发布的稿件',
      source: '办公室',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文。' }] }],
      cover: cover.id,
      attachments: [attachment.id],
      commendedUnits: { connect: [{ documentId: unit.documentId, locale: LOCALE }] },
    }),
    'create article'
  );
  const articleId = created.body.data.documentId as string;
  const quote = ok(
    await authed('writer').post(`${CM}/${QUOTE}?locale=${LOCALE}`, {
      text: '要实干争先',
      speakerName: '谢小云',
      order: 1,
      article: { connect: [{ documentId: articleId, locale: LOCALE }] },
    }),
    'create quote'
  );
  for (const actor of ['writer', 'first', 'second', 'final'] as const) ok(await move(actor, articleId), `move by ${actor}`);
  ok(await authed('final').post(`${CM}/${ARTICLE}/${articleId}/actions/publish?locale=${LOCALE}`), 'publish');
  return {
    articleId,
    quoteId: quote.body.data.documentId,
    unitId: unit.documentId,
    coverId: cover.id,
    coverUrl: cover.url,
    attachmentId: attachment.id,
  };
};

/** The texts of the quotes linked to an article's draft (the Super Admin's view). */
const draftQuotes = async (documentId: string) =>
  (
    (await app.db.query(ARTICLE).findOne({
      where: { documentId, locale: LOCALE, publishedAt: null },
      populate: { quotes: { select: ['text'] } },
    })) as { quotes: Array<{ text: string }> }
  ).quotes.map((quote) => quote.text);

const POPULATE = 'populate[cover]=true&populate[attachments]=true&populate[quotes]=true&populate[commendedUnits]=true';
/** What a reader gets: the REST answer, the GraphQL answer and the cover's bytes. */
const publicView = async (fixture: Fixture) => {
  const rest = await api(app).get(`/api/articles/${fixture.articleId}?${POPULATE}`);
  const gql = await api(app)
    .post('/graphql')
    .send({
      query: `query($id: ID!) { article(documentId: $id) { title body cover { url caption alternativeText }
        attachments { url caption name } quotes { text speakerName } commendedUnits { name } } }`,
      variables: { id: fixture.articleId },
    });
  const cover = await api(app).get(fixture.coverUrl);
  return {
    rest: rest.status === 200 ? rest.body.data : rest.status,
    graphql: gql.body.data?.article ?? null,
    cover: cover.status === 200 ? Buffer.from(cover.body as Buffer).toString('base64') : cover.status,
  };
};

/** A row: one way of changing what readers see. `edits`: an accepted attempt changes the article's draft. */
type Row = {
  name: string;
  /** METHOD and route path (as the router declares it) this row covers. */
  routes: string[];
  attempt: (actor: Actor, fixture: Fixture) => Promise<{ status: number; body: Json }>;
  /** It takes the article (or part of it) off the site: allowed to whoever holds the publish right. */
  takesDown?: boolean;
  /** Made by the Super Admin before the attempt (a publish needs something to publish). */
  before?: (fixture: Fixture) => Promise<{ status: number; body: Json }>;
  /** An accepted attempt edits this entry's draft: it goes back to 初审 (a quote's: its article). */
  edits?: 'article' | 'unit';
  /** Who may succeed at all (an accepted attempt by anyone else fails the cell). */
  onlyBy?: Actor[];
  /** More to check after the attempt. */
  check?: (actor: Actor, fixture: Fixture) => Promise<void>;
};

const cmEdit = (fixture: Fixture) =>
  authed('admin').put(`${CM}/${ARTICLE}/${fixture.articleId}?locale=${LOCALE}`, { title: '超级管理员改过的标题' });

const ROWS: Row[] = [
  {
    name: 'content manager: edit the article',
    routes: ['PUT /content-manager/collection-types/:model/:id'],
    attempt: (actor, f) => authed(actor).put(`${CM}/${ARTICLE}/${f.articleId}?locale=${LOCALE}`, { title: '未经审核的标题' }),
    edits: 'article',
  },
  {
    name: 'content manager: publish an edited draft',
    routes: [
      'POST /content-manager/collection-types/:model/:id/actions/publish',
      'POST /content-manager/collection-types/:model/actions/publish',
    ],
    before: cmEdit,
    attempt: (actor, f) => authed(actor).post(`${CM}/${ARTICLE}/${f.articleId}/actions/publish?locale=${LOCALE}`),
  },
  {
    name: 'content manager: bulk publish an edited draft',
    routes: ['POST /content-manager/collection-types/:model/actions/bulkPublish'],
    before: cmEdit,
    attempt: (actor, f) => authed(actor).post(`${CM}/${ARTICLE}/actions/bulkPublish?locale=${LOCALE}`, { documentIds: [f.articleId] }),
  },
  {
    name: 'content manager: unpublish',
    routes: [
      'POST /content-manager/collection-types/:model/:id/actions/unpublish',
      'POST /content-manager/collection-types/:model/actions/bulkUnpublish',
    ],
    attempt: (actor, f) => authed(actor).post(`${CM}/${ARTICLE}/${f.articleId}/actions/unpublish?locale=${LOCALE}`),
    takesDown: true,
  },
  {
    name: 'content manager: discard the draft',
    routes: ['POST /content-manager/collection-types/:model/:id/actions/discard'],
    before: cmEdit,
    attempt: (actor, f) => authed(actor).post(`${CM}/${ARTICLE}/${f.articleId}/actions/discard?locale=${LOCALE}`),
  },
  {
    name: 'content manager: clone',
    // Cloning needs read on the source: another writer may not copy out a draft they cannot open.
    onlyBy: ['writer', 'first', 'second', 'final'],
    check: async (_actor, f) => expect(await draftQuotes(f.articleId)).toEqual(['要实干争先']),
    routes: [
      'POST /content-manager/collection-types/:model/clone/:sourceId',
      'POST /content-manager/collection-types/:model/auto-clone/:sourceId',
    ],
    attempt: (actor, f) => authed(actor).post(`${CM}/${ARTICLE}/clone/${f.articleId}?locale=${LOCALE}`, { title: '复制的稿件' }),
  },
  {
    name: 'content manager: delete',
    routes: ['DELETE /content-manager/collection-types/:model/:id', 'POST /content-manager/collection-types/:model/actions/bulkDelete'],
    attempt: (actor, f) => authed(actor).del(`${CM}/${ARTICLE}/${f.articleId}?locale=${LOCALE}`),
    takesDown: true,
  },
  {
    name: 'content manager: a new quote linked to the article',
    routes: ['POST /content-manager/collection-types/:model'],
    attempt: (actor, f) =>
      authed(actor).post(`${CM}/${QUOTE}?locale=${LOCALE}`, {
        text: '未经审核的讲话',
        speakerName: '某人',
        article: { connect: [{ documentId: f.articleId, locale: LOCALE }] },
      }),
    edits: 'article',
  },
  {
    name: 'content manager: edit the article’s quote',
    routes: [],
    attempt: (actor, f) => authed(actor).put(`${CM}/${QUOTE}/${f.quoteId}?locale=${LOCALE}`, { text: '改过的讲话' }),
    edits: 'article',
  },
  {
    name: 'content manager: publish the article’s quote after an edit',
    routes: [],
    before: (f) => authed('admin').put(`${CM}/${QUOTE}/${f.quoteId}?locale=${LOCALE}`, { text: '超级管理员改过的讲话' }),
    attempt: (actor, f) => authed(actor).post(`${CM}/${QUOTE}/${f.quoteId}/actions/publish?locale=${LOCALE}`),
  },
  {
    name: 'content manager: rename the commended unit',
    routes: [],
    attempt: (actor, f) => authed(actor).put(`${CM}/${UNIT}/${f.unitId}?locale=${LOCALE}`, { name: '改过的单位名称' }),
    edits: 'unit',
  },
  {
    name: 'content manager: publish the renamed commended unit',
    routes: [],
    before: (f) => authed('admin').put(`${CM}/${UNIT}/${f.unitId}?locale=${LOCALE}`, { name: '超级管理员改过的单位' }),
    attempt: (actor, f) => authed(actor).post(`${CM}/${UNIT}/${f.unitId}/actions/publish?locale=${LOCALE}`),
  },
  {
    name: 'content manager: set 到期下线 (scheduled take-down)',
    // Scheduling is publishing: only who may publish sets it.
    onlyBy: ['final'],
    routes: [],
    attempt: (actor, f) =>
      authed(actor).put(`${CM}/${ARTICLE}/${f.articleId}?locale=${LOCALE}`, {
        unpublishAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
  },
  {
    name: 'content manager: set 定时发布 (scheduled publish)',
    routes: [],
    // Scheduling is publishing: only who may publish sets it (the job would publish the draft).
    onlyBy: ['final'],
    before: cmEdit,
    attempt: (actor, f) =>
      authed(actor).put(`${CM}/${ARTICLE}/${f.articleId}?locale=${LOCALE}`, { publishAt: new Date(Date.now() + 3_600_000).toISOString() }),
  },
  {
    name: 'media library: replace the cover’s file',
    routes: ['POST /upload'],
    attempt: async (actor, f) =>
      authed(actor).upload(
        `/upload?id=${f.coverId}`,
        { fileInfo: JSON.stringify({ caption: '换过的图' }) },
        {
          name: 'other.png',
          type: 'image/png',
          bytes: await png(0xf0),
        }
      ),
    edits: 'article',
  },
  {
    name: 'media library: edit the cover’s caption and alt text',
    routes: [],
    attempt: (actor, f) =>
      authed(actor).upload(`/upload?id=${f.coverId}`, {
        fileInfo: JSON.stringify({ caption: '改过的说明', alternativeText: '改过的替代文字' }),
      }),
    edits: 'article',
  },
  {
    name: 'media library: delete the attachment',
    routes: ['DELETE /upload/files/:id', 'POST /upload/actions/bulk-delete'],
    attempt: (actor, f) => authed(actor).del(`/upload/files/${f.attachmentId}`),
    edits: 'article',
  },
  {
    name: 'media library: edit the cover’s caption (PUT /upload/files/:id)',
    routes: ['PUT /upload/files/:id'],
    attempt: (actor, f) =>
      authed(actor).put(`/upload/files/${f.coverId}`, { fileInfo: { caption: '改过的说明', alternativeText: '改过的替代文字' } }),
    edits: 'article',
  },
  {
    name: 'media library: replace the cover (POST /upload/files/:id/replace)',
    routes: ['POST /upload/files/:id/replace'],
    attempt: async (actor, f) =>
      authed(actor).upload(
        `/upload/files/${f.coverId}/replace`,
        { fileInfo: JSON.stringify({ caption: '换过的图' }) },
        {
          name: 'replaced.png',
          type: 'image/png',
          bytes: await png(0xd0),
        }
      ),
    edits: 'article',
  },
  {
    name: 'media library: bulk edit of captions',
    routes: ['POST /upload/actions/bulk-update'],
    attempt: (actor, f) =>
      authed(actor).post('/upload/actions/bulk-update', {
        updates: [
          { id: f.coverId, fileInfo: { caption: '批量改的说明' } },
          { id: f.attachmentId, fileInfo: { name: '批量改的文件名.pdf' } },
        ],
      }),
    edits: 'article',
  },
  {
    name: 'REST: create a published article',
    routes: ['POST /api/articles'],
    attempt: (actor) =>
      authed(actor).post(`/api/articles?locale=${LOCALE}&status=published`, {
        data: { title: `令牌直接发布的稿件 ${actor}`, source: '办公室' },
      }),
    check: async (actor) => {
      const listed = await api(app).get(`/api/articles?filters[title][$eq]=${encodeURIComponent(`令牌直接发布的稿件 ${actor}`)}`);
      expect(listed.body.data).toEqual([]);
    },
  },
  {
    name: 'REST: delete the article’s quote',
    routes: ['DELETE /api/speaker-quotes/:id'],
    attempt: (actor, f) => authed(actor).del(`/api/speaker-quotes/${f.quoteId}?locale=${LOCALE}`),
    takesDown: true,
  },
  {
    name: 'REST: rename the commended unit',
    routes: ['PUT /api/commended-units/:id'],
    attempt: (actor, f) => authed(actor).put(`/api/commended-units/${f.unitId}?locale=${LOCALE}`, { data: { name: '令牌改的单位' } }),
    edits: 'unit',
  },
  {
    name: 'REST: rename and publish the commended unit',
    routes: ['POST /api/commended-units'],
    attempt: (actor, f) =>
      authed(actor).put(`/api/commended-units/${f.unitId}?locale=${LOCALE}&status=published`, { data: { name: '令牌发布的单位' } }),
  },
  {
    name: 'REST: delete the commended unit',
    routes: ['DELETE /api/commended-units/:id'],
    attempt: (actor, f) => authed(actor).del(`/api/commended-units/${f.unitId}?locale=${LOCALE}`),
    takesDown: true,
  },
  {
    name: 'REST: update the article',
    routes: ['PUT /api/articles/:id'],
    attempt: (actor, f) => authed(actor).put(`/api/articles/${f.articleId}?locale=${LOCALE}`, { data: { title: '令牌改的标题' } }),
    edits: 'article',
  },
  {
    name: 'REST: update and publish the article',
    routes: [],
    attempt: (actor, f) =>
      authed(actor).put(`/api/articles/${f.articleId}?locale=${LOCALE}&status=published`, { data: { title: '令牌发布的标题' } }),
  },
  {
    name: 'REST: delete the article',
    routes: ['DELETE /api/articles/:id'],
    attempt: (actor, f) => authed(actor).del(`/api/articles/${f.articleId}?locale=${LOCALE}`),
    takesDown: true,
  },
  {
    name: 'REST: a new quote linked to the article',
    routes: ['POST /api/speaker-quotes'],
    attempt: (actor, f) =>
      authed(actor).post(`/api/speaker-quotes?locale=${LOCALE}`, {
        data: { text: '令牌写的讲话', speakerName: '某人', article: { connect: [{ documentId: f.articleId, locale: LOCALE }] } },
      }),
    edits: 'article',
  },
  {
    name: 'REST: edit the article’s quote',
    routes: ['PUT /api/speaker-quotes/:id'],
    attempt: (actor, f) => authed(actor).put(`/api/speaker-quotes/${f.quoteId}?locale=${LOCALE}`, { data: { text: '令牌改的讲话' } }),
    edits: 'article',
  },
  {
    name: 'REST: replace the cover’s file',
    routes: ['POST /api/upload'],
    attempt: async (actor, f) =>
      authed(actor).upload(
        `/api/upload?id=${f.coverId}`,
        { fileInfo: JSON.stringify({ caption: '令牌换的图' }) },
        {
          name: 'token.png',
          type: 'image/png',
          bytes: await png(0xe0),
        }
      ),
    edits: 'article',
  },
  {
    name: 'REST: delete the cover’s file',
    routes: ['DELETE /api/upload/files/:id'],
    attempt: (actor, f) => authed(actor).del(`/api/upload/files/${f.coverId}`),
    edits: 'article',
  },
  {
    name: 'GraphQL: update and publish the article',
    routes: ['POST /graphql'],
    attempt: (actor, f) =>
      authed(actor).post('/graphql', {
        query: `mutation($id: ID!) { updateArticle(documentId: $id, locale: "${LOCALE}", status: PUBLISHED, data: { title: "GraphQL 改的标题" }) { title } }`,
        variables: { id: f.articleId },
      }),
  },
  {
    name: 'GraphQL: update the article’s quote',
    routes: [],
    attempt: (actor, f) =>
      authed(actor).post('/graphql', {
        query: `mutation($id: ID!) { updateSpeakerQuote(documentId: $id, locale: "${LOCALE}", data: { text: "GraphQL 改的讲话" }) { text } }`,
        variables: { id: f.quoteId },
      }),
    edits: 'article',
  },
];

/** Who may take an article down: 终审 in the admin, and a full-access token on the content API. */
const mayTakeDown = (actor: Actor, row: Row) =>
  actor === 'final' || (actor === 'fullAccess' && row.routes.some((route) => / \/api\//.test(route)));

const auditNames = async (documentIds: string[], sinceId: number) =>
  (
    (await app.db.query('api::audit.audit-entry').findMany({
      where: { id: { $gt: sinceId } },
      select: ['actorName', 'targetDocumentId', 'action'],
    })) as Array<{ actorName: string | null; targetDocumentId: string | null; action: string }>
  )
    .filter((entry) => !entry.targetDocumentId || documentIds.includes(entry.targetDocumentId))
    .map((entry) => entry.actorName);

const lastAuditId = async () =>
  ((await app.db.query('api::audit.audit-entry').findOne({ select: ['id'], orderBy: { id: 'desc' } })) as { id: number } | null)?.id ?? 0;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', REVIEW_REQUIRED: 'true', RESPONSE_CACHE: 'false' });
  admin = await adminToken(app, 'matrix-admin@example.gov.cn');
  for (const [actor, roleName] of Object.entries(ADMINS) as Array<[Actor, string]>) {
    const email = `matrix-${actor}@example.gov.cn`;
    secrets[actor] = (
      await editorWithRole(app, roleName, { email, firstname: roleName, lastname: actor, password: 'Matrix-Passw0rd' })
    ).token;
    names[actor] = `${roleName} ${actor}`;
  }
  for (const [actor, type] of [
    ['readOnly', 'read-only'],
    ['fullAccess', 'full-access'],
  ] as const) {
    secrets[actor] = (await app.service('admin::api-token').create({ name: `matrix-${type}`, type, lifespan: null })).accessKey;
    names[actor] = `matrix-${type}`;
  }
});
afterAll(async () => {
  await stopApp(app);
  process.env.REVIEW_REQUIRED = 'false';
  delete process.env.RESPONSE_CACHE;
});

describe.each(ROWS)('$name', (row) => {
  test.each(ACTORS)('as %s: readers see nothing 终审 did not approve', async (actor) => {
    const fixture = await published();
    const before = await publicView(fixture);
    expect(before.rest).toMatchObject({ title: '已发布的稿件', cover: { caption: '会场' }, quotes: [{ text: '要实干争先' }] });
    expect(before.graphql).toMatchObject({ title: '已发布的稿件', commendedUnits: [{ name: expect.any(String) }] });
    expect(typeof before.cover).toBe('string');
    if (row.before) ok(await row.before(fixture), 'the Super Admin’s change before the attempt');
    const since = await lastAuditId();

    const res = await row.attempt(actor, fixture);
    expect([actor, res.status < 500 ? 'not 5xx' : `${res.status} ${JSON.stringify(res.body)}`]).toEqual([actor, 'not 5xx']);
    const accepted = res.status < 300 && !(res.body?.errors?.length > 0);

    const after = await publicView(fixture);
    if (!(row.takesDown && mayTakeDown(actor, row))) expect(after).toEqual(before);

    if (accepted && row.edits) {
      const stage = row.edits === 'unit' ? await stageOf(fixture.unitId, UNIT) : await stageOf(fixture.articleId);
      expect([actor, stage]).toEqual([actor, 'first']);
      expect(await auditNames([fixture.articleId, fixture.quoteId, fixture.unitId], since)).toContain(names[actor]);
    }
    if (accepted && row.onlyBy) expect([actor, 'accepted']).toEqual([actor, row.onlyBy.includes(actor) ? 'accepted' : 'refused']);
    await row.check?.(actor, fixture);
  });
});

// Write routes that cannot change what readers see of content, with why. Everything else
// that writes must be a row above.
const NOT_READER_VISIBLE: Array<[RegExp, string]> = [
  [/^(POST|PUT|PATCH|DELETE) \/(_health|graphql)$/, 'health check; GraphQL answers only POST (its mutations are rows)'],
  [
    /^(POST|PUT|DELETE) \/admin\/(login|logout|register|register-admin|forgot-password|reset-password|renew-token|access-token|token|sessions)/,
    'admin sessions',
  ],
  [
    /^(POST|PUT|DELETE) \/admin\/(users|roles|api-tokens|admin-tokens|transfer|webhooks|permissions|providers|information|project-settings|guided-tour|homepage|renew)/,
    'admin accounts, roles, tokens and settings: not content',
  ],
  [
    /^(POST|PUT|DELETE) \/(content-manager\/(uid|relations|content-types|components|single-types|preview|homepage|collection-types\/:model\/actions\/(countDraftRelations|countManyEntriesDraftRelations|bulkFindForValidation))|i18n|content-type-builder|users-permissions|upload\/(configuration|settings|folders|actions\/bulk-move|folder-structure)|email)/,
    'configuration, folders, slug suggestions, layouts and read-only checks: not what readers see',
  ],
  [
    /^POST \/upload\/(files|actions\/upload-from-urls)$/,
    'a new file: readers see it only once an entry that uses it is approved and published',
  ],
  [/^POST \/upload\/(actions\/generate-ai-metadata|ai-metadata-jobs)/, 'Strapi AI metadata: a paid feature, off without its licence'],
  [/^(POST|PUT|DELETE) \/api\/(auth|connect|users|users-permissions|email)(\/|$)/, 'front-end members (users-permissions), not content'],
  [/^POST \/api\/articles\/:\w+\/clicks$/, 'a view counted: the public may'],
  [/^(POST|PUT|DELETE) \/api\/channels/, 'channels are site structure, not reviewed (README); publishing them needs the publish right'],
  [
    /^(POST|PUT|DELETE) \/api\/(commendations|commended-individuals)/,
    'reviewed on their own like commended units (the REST rows of the unit), by the same rules',
  ],
  [
    /^(POST|PUT|DELETE) \/admin\/(newsroom\/|rebuild-now)/,
    'the project’s admin routes (review moves, checks, quote proposals, rebuild now): tested in their own files',
  ],
];

test('every write route the app serves is a row of the matrix or listed as not changing what readers see', () => {
  const covered = new Set(ROWS.flatMap((row) => row.routes));
  const layers = app.server.listRoutes() as Array<{ path: string; methods: string[] }>;
  const writes = layers.flatMap((layer) =>
    layer.methods.filter((method) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)).map((method) => `${method} ${layer.path}`)
  );
  const uncovered = [...new Set(writes)].filter(
    (route) => !covered.has(route) && !NOT_READER_VISIBLE.some(([pattern]) => pattern.test(route))
  );
  expect(uncovered).toEqual([]);
});
