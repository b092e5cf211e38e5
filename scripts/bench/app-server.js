// The app under benchmark: the compiled project in production mode, plus two routes
// that exist only here, for comparison: a no-op content-API route (the framework's
// floor) and the naive click (read the document, write it back, re-publish).
'use strict';

const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

const main = async () => {
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  app.server.api('content-api').routes([
    {
      method: 'GET',
      path: '/bench/noop',
      handler: (ctx) => {
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
        const draft = await articles.findOne({ documentId, locale: 'zh-Hans', fields: ['legacyClickCount'] });
        if (!draft) return ctx.notFound();
        const total = (draft.legacyClickCount ?? 0) + 1;
        await articles.update({ documentId, locale: 'zh-Hans', data: { legacyClickCount: total } });
        await articles.publish({ documentId, locale: 'zh-Hans' });
        ctx.status = 202;
        ctx.body = { data: { documentId, total } };
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
