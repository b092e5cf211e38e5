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
    // Tests ask for the memory over IPC (tests/helpers/process.ts memoryOf); the channel
    // must not keep the process alive on SIGTERM.
    if (process.channel) {
      process.on('message', (message) => {
        if (!message || !message.memory) return;
        if (global.gc) {
          global.gc();
          global.gc();
        }
        const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
        process.send({ memory: { rss, heapUsed, external, arrayBuffers, collected: Boolean(global.gc) } });
      });
      process.channel.unref(); // after the listener, which takes a reference
    }
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
