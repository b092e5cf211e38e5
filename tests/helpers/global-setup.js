// Runs once per `jest` run: compile the TypeScript app to dist/ so that every test
// file can boot the real app quickly with createStrapi({ appDir, distDir }).
const path = require('path');

module.exports = async () => {
  process.env.NODE_ENV = 'test';
  const { compileStrapi } = require('@strapi/strapi');
  const ctx = await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
  process.env.TEST_APP_DIR = ctx.appDir;
  process.env.TEST_DIST_DIR = ctx.distDir;
};
