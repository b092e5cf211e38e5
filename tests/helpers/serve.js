// Runs the compiled app as its own process, the way `strapi start` does (Strapi's own
// SIGTERM/SIGINT handling included), and prints its URL once it listens.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');
const distDir = process.env.TEST_DIST_DIR || path.join(appDir, 'dist');

createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: process.env.SERVE_ADMIN === 'true' })
  .start()
  .then((app) => {
    const { port } = app.server.httpServer.address();
    process.stdout.write(`LISTENING http://127.0.0.1:${port}\n`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
