// What every browser test does around its steps: Debian's Chromium launched headless, and
// the admin pinned to English for tests that name Strapi's buttons in English (the server
// process is stopped with stopServer of ./process).
import fs from 'fs';
import path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

const { CHROMIUM, e2eEnabled } = require('./e2e-env');

export const launchBrowser = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });

/** An administrator who chose English (the admin opens in Chinese otherwise). */
export const pinAdminToEnglish = (context: BrowserContext) =>
  context.addInitScript(() => {
    if (!localStorage.getItem('strapi-admin-language')) localStorage.setItem('strapi-admin-language', 'en');
  });

/** `describe` when the browser tests run, else `describe.skip` with a line that says why. */
export const browserSuite = (): jest.Describe => {
  if (e2eEnabled()) return describe;
  console.log(`Browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium) or E2E=0. CI installs it and runs them.`);
  return describe.skip;
};

/** The SQLite file of a browser test's server (`.tmp/<prefix>-<Jest worker>.db`), and its removal with its -wal and -shm. */
export const browserDatabase = (prefix: string) => {
  const file = path.join(path.resolve(__dirname, '..', '..'), '.tmp', `${prefix}-${process.env.JEST_WORKER_ID ?? '0'}.db`);
  return { file, clean: () => ['', '-wal', '-shm'].forEach((suffix) => fs.rmSync(file + suffix, { force: true })) };
};
