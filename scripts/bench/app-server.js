// The app under benchmark: the compiled project in production mode, plus two routes
// that exist only here, for comparison: a no-op content-API route (the framework's
// floor) and the naive click (read the document, write it back, re-publish).
'use strict';

const path = require('path');
const { monitorEventLoopDelay } = require('perf_hooks');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const main = async () => {
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  app.server.api('content-api').routes([
    {
      method: 'GET',
      path: '/bench/noop',
      handler: (ctx) => {
        // Not kept by the response cache: this is the framework's floor, not the cache's.
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: null };
      },
      config: { auth: false },
    },
    {
      method: 'POST',
      path: '/bench/naive-clicks/:documentId',
      // What a click costs if kept on the article row: read, increment, save, re-publish
      // (and it would still be reset by the next editorial publish).
      handler: async (ctx) => {
        const articles = app.documents('api::article.article');
        const { documentId } = ctx.params;
        // As a script or a cron job would do it, outside the public request (whose reads
        // of drafts the project refuses).
        const total = await app.requestContext.run({}, async () => {
          const draft = await articles.findOne({ documentId, locale: 'zh-Hans', status: 'draft', fields: ['legacyClickCount'] });
          if (!draft) return null;
          const next = (draft.legacyClickCount ?? 0) + 1;
          await articles.update({ documentId, locale: 'zh-Hans', data: { legacyClickCount: next } });
          await articles.publish({ documentId, locale: 'zh-Hans' });
          return next;
        });
        if (total === null) return ctx.notFound();
        ctx.status = 202;
        ctx.body = { data: { documentId, total } };
      },
      config: { auth: false },
    },
  ]);
  app.server.api('content-api').routes([
    {
      method: 'POST',
      path: '/bench/articles',
      // Bulk-loads published articles for the feed benchmark (one insert per 500 rows;
      // the document service would take minutes for 10,000).
      handler: async (ctx) => {
        const count = Number(ctx.query.count);
        const body = (await app.db.query('api::article.article').findOne({ where: { slug: 'gan-en-fen-jin-shi-gan-zheng-xian' } })).body;
        const start = await app.db.query('api::article.article').count();
        const rows = Array.from({ length: count }, (_, i) => {
          const n = start + i;
          const documentId = `bench${String(n).padStart(19, '0')}`;
          const date = new Date(Date.UTC(2015, 0, 1) + n * 3_600_000);
          return {
            documentId,
            title: `压测稿件 ${n}`,
            subtitle: '基准测试',
            slug: `ya-ce-gao-jian-${n}`,
            summary: `第 ${n} 篇压测稿件`,
            body,
            source: '浙江省机关事务管理局 办公室',
            publishDate: date,
            publishedAt: date,
            locale: 'zh-Hans',
          };
        });
        for (let i = 0; i < rows.length; i += 500) await app.db.query('api::article.article').createMany({ data: rows.slice(i, i + 500) });
        app.service('api::feed.feed').invalidate();
        ctx.body = { data: { total: await app.db.query('api::article.article').count() } };
      },
      config: { auth: false },
    },
    {
      method: 'POST',
      path: '/bench/quotes',
      // Gives every bench article `perArticle` published quotes, linked through Strapi's
      // own join table, so nested filters and populates have realistic fan-out.
      handler: async (ctx) => {
        const perArticle = Number(ctx.query.perArticle ?? 5);
        const knex = app.db.connection;
        const join = app.db.metadata.get('api::speaker-quote.speaker-quote').attributes.article.joinTable;
        const articles = await knex('articles').select('id').where('document_id', 'like', 'bench%').whereNotNull('published_at');
        let made = 0;
        for (let i = 0; i < articles.length; i += 100) {
          const quotes = articles.slice(i, i + 100).flatMap((article, a) =>
            Array.from({ length: perArticle }, (_, q) => ({
              article: article.id,
              row: {
                document_id: `bq${String(i + a).padStart(12, '0')}${String(q).padStart(10, '0')}`,
                text: `压测引语 ${i + a}-${q}：实干争先，再创佳绩。`,
                speaker_name: `发言人${q}`,
                order: q,
                locale: 'zh-Hans',
                published_at: new Date(),
                created_at: new Date(),
                updated_at: new Date(),
              },
            }))
          );
          await knex.transaction(async (trx) => {
            for (const quote of quotes) {
              const [inserted] = await trx('speaker_quotes').insert(quote.row).returning('id');
              await trx(join.name).insert({
                [join.joinColumn.name]: inserted.id ?? inserted,
                [join.inverseJoinColumn.name]: quote.article,
              });
              made += 1;
            }
          });
        }
        ctx.body = { data: { quotes: made } };
      },
      config: { auth: false },
    },
    {
      method: 'POST',
      path: '/bench/search-articles',
      // Published articles of realistic, varied length for the search benchmark: each body
      // draws paragraphs from the sample's sentences and a vocabulary of government
      // writing, so words match some articles and not others. Inserted directly (the
      // document service would take minutes), then indexed with `reindex`, timed.
      handler: async (ctx) => {
        const count = Number(ctx.query.count);
        const sample = await app.db.query('api::article.article').findOne({ where: { slug: 'gan-en-fen-jin-shi-gan-zheng-xian' } });
        const sentences = JSON.stringify(sample.body)
          .match(/"text":"([^"]+)"/g)
          .map((text) => text.slice(8, -1))
          .flatMap((text) => text.split(/(?<=[。！？])/))
          .filter((text) => text.length > 4);
        const words = [
          '公务用车',
          '节约粮食',
          '食堂管理',
          '节能减排',
          '办公用房',
          '机关事务',
          '表彰大会',
          '先进集体',
          '先进个人',
          '后勤保障',
          '资产管理',
          '绿色办公',
          '数字化改革',
          '会议精神',
          '安全生产',
          '政务服务',
        ];
        // Park–Miller: products stay below 2^53, so the sequence is exact in doubles.
        let seed = 7;
        const random = (n) => ((seed = (seed * 48271) % 2147483647), seed % n);
        const paragraph = () => ({
          type: 'paragraph',
          children: [
            {
              type: 'text',
              text: Array.from({ length: 3 + random(5) }, () =>
                random(3) ? sentences[random(sentences.length)] : `${words[random(words.length)]}工作稳步推进。`
              ).join(''),
            },
          ],
        });
        const start = await app.db.query('api::article.article').count();
        for (let i = 0; i < count; i += 500) {
          const rows = Array.from({ length: Math.min(500, count - i) }, (_, j) => {
            const n = start + i + j;
            const date = new Date(Date.UTC(2015, 0, 1) + n * 3_600_000);
            return {
              documentId: `srch${String(n).padStart(20, '0')}`,
              title: `${words[random(words.length)]}${['工作会议召开', '经验交流', '专题培训', '成效明显', '情况通报'][random(5)]} ${n}`,
              slug: `sou-suo-${n}`,
              summary: sentences[random(sentences.length)],
              body: Array.from({ length: 4 + random(10) }, paragraph),
              source: '浙江省机关事务管理局 办公室',
              publishDate: date,
              publishedAt: date,
              locale: 'zh-Hans',
            };
          });
          await app.db.query('api::article.article').createMany({ data: rows });
        }
        const started = Date.now();
        const indexed = await app.service('api::search.search').reindex();
        const indexMs = Date.now() - started;
        // The cost a publish pays: re-indexing one document, timed over 200 of them.
        const ids = (
          await app.db
            .query('api::article.article')
            .findMany({ select: ['documentId'], where: { documentId: { $startsWith: 'srch' } }, limit: 200 })
        ).map((row) => row.documentId);
        const one = process.hrtime.bigint();
        for (const id of ids) await app.service('api::search.search').indexDocument(id);
        const perPublishMs = Number(process.hrtime.bigint() - one) / 1e6 / ids.length;
        const knex = app.db.connection;
        let indexBytes;
        if (/sqlite/.test(String(knex.client.config.client))) {
          const [row] = await knex.raw("SELECT SUM(pgsize) AS n FROM dbstat WHERE name LIKE 'search%'");
          indexBytes = Number(row.n);
        } else {
          const result = await knex.raw("SELECT pg_total_relation_size('search_documents') AS n");
          indexBytes = Number(result.rows[0].n);
        }
        ctx.body = { data: { indexed, indexMs, perPublishMs, indexBytes, sentences: sentences.length } };
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/bench/feed-render',
      // Median time to render the site RSS feed with no cache, over `runs` renders.
      handler: async (ctx) => {
        const feeds = app.service('api::feed.feed');
        const runs = Number(ctx.query.runs ?? 20);
        const times = [];
        for (let i = 0; i < runs; i += 1) {
          const started = process.hrtime.bigint();
          await feeds.renderUncached({ format: 'rss', channel: null, locale: 'zh-Hans', limit: 20, origin: app.config.get('server.url') });
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        times.sort((a, b) => a - b);
        ctx.body = { data: { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], runs } };
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/bench/article-ids',
      // documentIds of the published bench articles (bench:reads fills the cache with them).
      handler: async (ctx) => {
        const rows = await app.db
          .connection('articles')
          .select('document_id')
          .where('document_id', 'like', 'bench%')
          .whereNotNull('published_at');
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: rows.map((row) => row.document_id) };
      },
      config: { auth: false },
    },
    {
      method: 'POST',
      path: '/bench/publish/:documentId',
      // An editor's revision: the title changes and the article is published again, through
      // the document service and every rule the project hangs on it (search index, response
      // cache, rebuild log, quotes). The soak runs it at a steady rate.
      handler: async (ctx) => {
        const articles = app.documents('api::article.article');
        const { documentId } = ctx.params;
        const revision = await app.requestContext.run({}, async () => {
          const draft = await articles.findOne({ documentId, locale: 'zh-Hans', status: 'draft', fields: ['title'] });
          if (!draft) return null;
          const title = `${draft.title.replace(/（修订 \d+）$/, '')}（修订 ${Date.now() % 100000}）`;
          await articles.update({ documentId, locale: 'zh-Hans', data: { title } });
          await articles.publish({ documentId, locale: 'zh-Hans' });
          return title;
        });
        if (revision === null) return ctx.notFound();
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: { documentId, title: revision } };
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/bench/vitals',
      // Memory (after a full GC when the process runs with --expose-gc) and the event
      // loop's delay since the last call (npm run soak prints them every minute).
      handler: (ctx) => {
        const delay = {
          p50: loopDelay.percentile(50) / 1e6,
          p99: loopDelay.percentile(99) / 1e6,
          max: loopDelay.max / 1e6,
        };
        if (global.gc) {
          global.gc();
          // The collection's own pause is the soak's doing, not the server's: leave it out.
          setTimeout(() => loopDelay.reset(), 50);
        } else loopDelay.reset();
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: { memory: process.memoryUsage(), loopDelayMs: delay } };
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/bench/cache-stats',
      // The response cache's counters and this process's memory (bench:reads).
      handler: (ctx) => {
        if (global.gc && ctx.query.gc) global.gc();
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: { cache: app.service('api::response-cache.response-cache').stats(), memory: process.memoryUsage() } };
      },
      config: { auth: false },
    },
  ]);
  await app.start();
  const { port } = app.server.httpServer.address();
  process.stdout.write(`LISTENING http://127.0.0.1:${port}\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
