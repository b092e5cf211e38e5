// What every browser test does around its steps: Debian's Chromium launched headless, and
// the admin pinned to English for tests that name Strapi's buttons in English (the server
// process is stopped with stopServer of ./process).
import { chromium, type BrowserContext } from 'playwright-core';

const { CHROMIUM } = require('./e2e-env');

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
