#!/usr/bin/env node
// npm run bench:versions [-- --saves N] [--chars N]
//
// 版本记录's storage, printed:
//   (a) bytes per version: the sample article (tests/fixtures/legacy) and a --chars (20,000)
//       character one, as canonical JSON, brotli'd, and as stored (base64), with the time to pack;
//   (b) database growth per --saves (1,000) saves of the long article through the document
//       service (each save changes one paragraph), with every draft kept
//       (VERSIONS_KEEP_DRAFTS=1000000) and with the default retention (last 100 drafts), and the
//       time per save. On the configured database: SQLite in .tmp by default, or PostgreSQL
//       with DATABASE_CLIENT=postgres DATABASE_URL=… (an empty database: it is written to).
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const appDir = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SAVES = Number(flag('saves', 1000));
const CHARS = Number(flag('chars', 20_000));
const postgres = process.env.DATABASE_CLIENT === 'postgres';
const dbFile = path.join(appDir, '.tmp', 'bench-versions.db');
if (!postgres) {
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = dbFile;
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
}
process.env.REVIEW_REQUIRED = 'false';
process.env.PUBLISH_CHECKS = 'false';

const { withApp, compiledApp } = require('../lib/app');

const ARTICLE = 'api::article.article';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const paragraphs = (text) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));

withApp(
  async ({ app, report }) => {
    const { distDir } = await compiledApp();
    const { canonicalJson, pack, unpack } = require(path.join(distDir, 'src', 'lib', 'versions', 'snapshot.js'));
    const sample = fs.readFileSync(path.join(appDir, 'tests', 'fixtures', 'legacy', 'legacy-article-2022-09-23.txt'), 'utf8');
    // The long article: the sample's text again and again, each copy's Chinese characters
    // swapped for others of the sample's (the same kind of text, not a copy brotli could point back to).
    const han = [...new Set([...sample].filter((c) => /\p{Script=Han}/u.test(c)))];
    let long = '';
    for (let k = 0; long.length < CHARS; k += 1) {
      long += [...sample]
        .map((c) => {
          const i = han.indexOf(c);
          return i < 0 || k === 0 ? c : han[(i * 7 + k * 13) % han.length];
        })
        .join('');
      long += '\n';
    }
    long = long.slice(0, CHARS);

    const strapi = await app();
    const channel = await strapi
      .documents('api::channel.channel')
      .create({ locale: 'zh-Hans', data: { name: '工作动态' }, status: 'published' });
    const article = (title, text) =>
      strapi
        .documents(ARTICLE)
        .create({ locale: 'zh-Hans', data: { title, source: '办公室', channel: channel.documentId, body: paragraphs(text) } });

    report(`bench:versions on ${postgres ? 'PostgreSQL' : 'SQLite'}\n\n(a) bytes per version\n`);
    for (const [name, text] of [
      [`sample article (${sample.length} chars)`, sample],
      [`long article (${long.length} chars)`, long],
    ]) {
      const made = await article(name, text);
      const row = await strapi.db.query('api::version.content-version').findOne({ where: { targetDocumentId: made.documentId } });
      const json = canonicalJson(unpack(row.snapshot));
      const started = process.hrtime.bigint();
      for (let i = 0; i < 20; i += 1) pack(json);
      const packMs = Number(process.hrtime.bigint() - started) / 1e6 / 20;
      const brotli = zlib.brotliCompressSync(Buffer.from(json)).length;
      report(
        `  ${name}: JSON ${kb(Buffer.byteLength(json))}, brotli ${kb(brotli)}, stored (base64) ${kb(row.snapshot.length)}` +
          ` (${((row.snapshot.length / Buffer.byteLength(json)) * 100).toFixed(0)}% of the JSON); pack ${packMs.toFixed(1)} ms\n`
      );
    }

    const size = async () => {
      if (postgres) {
        const result = await strapi.db.connection.raw(`SELECT pg_total_relation_size('newsroom_versions') AS n`);
        return Number(result.rows[0].n);
      }
      await strapi.db.connection.raw('PRAGMA wal_checkpoint(TRUNCATE)');
      const [{ page_count: pages }] = await strapi.db.connection.raw('PRAGMA page_count');
      const [{ page_size: pageSize }] = await strapi.db.connection.raw('PRAGMA page_size');
      const [{ freelist_count: free }] = await strapi.db.connection.raw('PRAGMA freelist_count');
      return (pages - free) * pageSize;
    };
    const stored = async (documentId) => {
      const result = await strapi.db.connection.raw(
        'SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(snapshot)), 0) AS bytes FROM newsroom_versions WHERE target_document_id = ?',
        [documentId]
      );
      const row = (result.rows ?? result)[0];
      return { count: Number(row.n), bytes: Number(row.bytes) };
    };

    report(`\n(b) database growth per ${SAVES} saves of the long article (one paragraph changed each time)\n`);
    for (const [label, keep] of [
      ['every draft kept', '1000000'],
      ['default retention (last 100 drafts)', ''],
    ]) {
      process.env.VERSIONS_KEEP_DRAFTS = keep;
      const made = await article(`long ${label}`, long);
      const body = paragraphs(long);
      const before = await size();
      const started = process.hrtime.bigint();
      for (let i = 0; i < SAVES; i += 1) {
        const changed = body.map((block, index) =>
          index === i % body.length
            ? { type: 'paragraph', children: [{ type: 'text', text: `${block.children[0].text}（修改 ${i}）` }] }
            : block
        );
        await strapi.documents(ARTICLE).update({ documentId: made.documentId, locale: 'zh-Hans', data: { body: changed } });
      }
      const perSave = Number(process.hrtime.bigint() - started) / 1e6 / SAVES;
      const after = await size();
      const versions = await stored(made.documentId);
      report(
        `  ${label}: ${versions.count} versions kept, snapshots ${kb(versions.bytes)} (${kb(versions.bytes / versions.count)} each);` +
          ` ${postgres ? 'table with indexes' : 'database'} grew ${kb(after - before)}; ${perSave.toFixed(1)} ms per save (all rules)\n`
      );
    }
    delete process.env.VERSIONS_KEEP_DRAFTS;
    return 0;
  },
  { name: '[bench:versions]', reportOnly: true }
);
