// The admin reads as one language (#32), in a real browser at 1440 × 900: every admin page the
// project adds and the content manager's list and edit views of every type it shows, in
// 简体中文 and in English, with the demo content. Each page fails the test on a console error,
// on a request of the page's that answers 4xx/5xx or fails, on a "[object Object]" tooltip, on
// a visible label (heading, field label, column header, button, tab, menu link) or aria-label,
// title or placeholder mixing Han and Latin words but for the names listed in NAMES, and on a
// string left in the other language where only the admin's strings are shown (column headers,
// field labels, the menu's links, tabs): Latin words in 简体中文, Han in English. The last one
// is how a missing translation shows: the production build the tests serve drops react-intl's
// MISSING_TRANSLATION console errors (they are printed in `npm run develop` only), and a missing
// id shows its default, which is the other language (or the id itself, a Latin word).
// The article list shows 标题, 栏目, 状态, 审核阶段, 发布时间 and 点击率 without scrolling sideways,
// and the homepage's recent documents no word-list entry.
import fs from 'fs';
import path from 'path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServerProcess, stopServer, type ServerProcess } from '../helpers/process';
import { launchBrowser, browserDatabase, browserSuite } from '../helpers/browser';

const artifacts = path.join(__dirname, 'artifacts');
const { file: dbFile, clean } = browserDatabase('e2e-language');
const EMAIL = 'language-admin@example.gov.cn';
const PASSWORD = 'Language-Passw0rd';

/** Latin words a Chinese label may carry: proper nouns and acronyms. */
const NAMES = [
  'URL',
  'ID',
  'CSV',
  'RSS',
  'API',
  'SEO',
  'ICP',
  'IP',
  'Strapi',
  'Atom',
  'JSON',
  'Feed',
  'Webhook',
  'Base64',
  'PDF',
  'REVIEW_REQUIRED',
];
const HAN = /\p{Script=Han}/u;
/** A label mixing the scripts: Han, and a Latin word (two letters or more) not in NAMES. */
const mixesScripts = (text: string) => HAN.test(text) && (text.match(/[A-Za-z][A-Za-z_0-9]+/g) ?? []).some((word) => !NAMES.includes(word));

/** The project's own admin pages (menu links of src/features/<name>/admin). */
const PAGES = ['/admin', '/admin/newsroom/review', '/admin/newsroom/audit-log', '/admin/newsroom/inspection'];
/** The types the content manager shows (the internal records are hidden from it). */
const TYPES = [
  'api::article.article',
  'api::channel.channel',
  'api::speaker-quote.speaker-quote',
  'api::commendation.commendation',
  'api::commended-unit.commended-unit',
  'api::commended-individual.commended-individual',
  'api::inspection.inspection-term',
  'api::rebuild.rebuild-target',
  'api::rebuild.rebuild-delivery',
];
const LABELS = 'label, th, h1, h2, h3, [role="tab"], nav a, button, [role="menuitem"]';
/** Where only the admin's own strings are shown, never content: one language only. */
const ADMIN_ONLY = 'th, label, nav a, [role="tab"]';
/** The administrator's own name, shown in greetings (data, like a title). */
const NAME = { firstname: '管理', lastname: '员' };
/**
 * Labels Strapi composes in code with no translation id, which no translation can reach: the
 * date-time input's clear buttons, `${formatMessage('clearLabel')} date|time` in
 * @strapi/design-system's DateTimePicker (aria-labels, read by screen readers).
 */
const STRAPI_COMPOSED = ['清除 date', '清除 time'];

const suite = browserSuite();

suite('the admin in one language, in a real browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const problems: string[] = [];
  let current = '';

  beforeAll(async () => {
    clean();
    fs.mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess({ SERVE_ADMIN: 'true', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile });
    // The first administrator, as the registration page makes them (the token serves this test's own reads).
    const registered = await fetch(`${server.url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD, ...NAME }),
    });
    expect(registered.status).toBe(200);
    token = ((await registered.json()) as { data: { token: string } }).data.token;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    clean();
  });

  const url = (p: string) => `${server.url}${p}`;
  const adminGet = async (p: string) => {
    const res = await fetch(url(p), { headers: { Authorization: `Bearer ${token}` } });
    expect(res.headers.get('content-type')).toMatch(/json/);
    return (await res.json()) as { results: Array<{ documentId: string }> };
  };

  /** A browser of the administrator who chose `language`, logged in once through the login page. */
  const openAdmin = async (language: 'zh-Hans' | 'en') => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: language === 'en' ? 'en-US' : 'zh-CN' });
    context.setDefaultTimeout(30_000);
    await context.addInitScript((chosen) => localStorage.setItem('strapi-admin-language', chosen), language);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${current}: console error: ${message.text().slice(0, 300)}`);
    });
    page.on('requestfailed', (request) => {
      // ERR_ABORTED: a request of the page left behind, cancelled by the next navigation.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`${current}: request failed (${request.failure()?.errorText}): ${request.method()} ${request.url()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(server.url)) {
        problems.push(`${current}: ${response.status()} ${response.request().method()} ${response.url().slice(server.url.length)}`);
      }
    });
    current = `${language} login`;
    await page.goto(url('/admin/auth/login'));
    await page.locator('input[name="email"]').fill(EMAIL);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/?$/);
  };

  /** Opens a page, lets it load, and notes what it shows in two languages. */
  const visit = async (language: 'zh-Hans' | 'en', p: string) => {
    current = `${language} ${p}`;
    await page.goto(url(p));
    await page.waitForLoadState('networkidle');
    // Panels and columns that load after the page's first answers.
    await page.waitForTimeout(500);
    await page.waitForLoadState('networkidle');
    const found = await page.evaluate(
      ({ selector, adminSelector }) => {
        const visible = (element: Element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        };
        const labels = Array.from(document.querySelectorAll(selector))
          .filter((element) => visible(element) && !element.closest('tbody'))
          .map((element) => (element as HTMLElement).innerText.trim().replace(/\s+/g, ' '))
          .filter((text) => text.length > 0 && text.length < 80);
        const attributes = Array.from(document.querySelectorAll('[title], [aria-label], [placeholder]')).flatMap((element) =>
          ['title', 'aria-label', 'placeholder'].map((name) => element.getAttribute(name) ?? '').filter(Boolean)
        );
        const adminOnly = Array.from(document.querySelectorAll(adminSelector))
          .filter((element) => visible(element) && !element.closest('tbody'))
          .map((element) => (element as HTMLElement).innerText.trim().replace(/\s+/g, ' '))
          .filter((text) => text.length > 0);
        return { labels, attributes, adminOnly };
      },
      { selector: LABELS, adminSelector: ADMIN_ONLY }
    );
    const withoutName = (label: string) => label.replace(NAME.firstname, '').replace(NAME.lastname, '');
    for (const label of new Set([...found.labels, ...found.attributes])) {
      if (mixesScripts(withoutName(label)) && !STRAPI_COMPOSED.includes(label))
        problems.push(`${current}: label mixes languages: "${label}"`);
      if (label.includes('[object Object]')) problems.push(`${current}: "[object Object]" shown`);
    }
    // The menu's links at least: a page where nothing was read would prove nothing.
    if (found.adminOnly.length === 0 || found.labels.length === 0) problems.push(`${current}: no label found to check`);
    for (const label of new Set(found.adminOnly)) {
      const other =
        language === 'en' ? HAN.test(label) : (label.match(/[A-Za-z][A-Za-z_0-9]+/g) ?? []).some((word) => !NAMES.includes(word));
      if (other) problems.push(`${current}: "${label}" is not in ${language}`);
    }
    return found;
  };

  const checkLanguage = async (language: 'zh-Hans' | 'en') => {
    await openAdmin(language);
    for (const p of PAGES) await visit(language, p);
    for (const uid of TYPES) {
      await visit(language, `/admin/content-manager/collection-types/${uid}`);
      const first = (await adminGet(`/content-manager/collection-types/${uid}?page=1&pageSize=1`)).results[0];
      // A type with no entry yet: its create view, which asks for the AI job of an "undefined" document.
      await visit(language, `/admin/content-manager/collection-types/${uid}/${first ? first.documentId : 'create'}`);
    }
    await page.screenshot({ path: path.join(artifacts, `admin-language-${language}.png`) });
    await context.close();
  };

  test('in 简体中文 and in English, no page shows a missing string, an error, a failed request or a mixed label', async () => {
    await checkLanguage('zh-Hans');
    await checkLanguage('en');
    expect(problems).toEqual([]);
  }, 900_000);

  test('the article list fits 1440 px with 标题, 栏目, 状态, 审核阶段, 发布时间 and 点击率, and the homepage lists no word-list entry', async () => {
    problems.length = 0;
    await openAdmin('zh-Hans');
    current = 'zh-Hans homepage';
    await page.goto(url('/admin'));
    const recent = page.getByRole('region', { name: '最近编辑的条目' });
    await recent.waitFor();
    await page.waitForLoadState('networkidle');
    const home = await recent.innerText();
    const terms = (await adminGet('/content-manager/collection-types/api::inspection.inspection-term?page=1&pageSize=100'))
      .results as unknown as Array<{
      term: string;
    }>;
    expect(terms.length).toBeGreaterThan(0);
    for (const { term } of terms) expect([term, home.includes(term)]).toEqual([term, false]);

    current = 'zh-Hans article list';
    await page.goto(url('/admin/content-manager/collection-types/api::article.article'));
    await page.locator('tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    // 栏目 is the field's label, 所属栏目.
    for (const name of ['标题', '所属栏目', '状态', '审核阶段', '发布时间', '点击率']) {
      const header = page.locator('thead th').filter({ hasText: new RegExp(`^${name}$`) });
      expect([name, await header.count()]).toEqual([name, 1]);
      const box = await header.boundingBox();
      expect([name, box !== null && box.x >= 0 && box.x + box.width <= 1440]).toEqual([name, true]);
    }
    await page.screenshot({ path: path.join(artifacts, 'admin-language-article-list.png') });
    // No sideways scroll: the table's scroller holds it all.
    const overflow = await page.evaluate(() => {
      const table = document.querySelector('table');
      let scroller: HTMLElement | null = table?.parentElement ?? null;
      while (scroller && scroller.scrollWidth <= scroller.clientWidth && scroller !== document.body) scroller = scroller.parentElement;
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        table: scroller && scroller !== document.body ? scroller.scrollWidth - scroller.clientWidth : 0,
      };
    });
    expect(overflow).toEqual({ page: 0, table: 0 });
    // The stage and the clicks are read: a stage name, and a count or a dash for a draft.
    const row = page.locator('tbody tr').first();
    await row
      .getByText(/^(草稿|初审|复审|终审|可发布)$/)
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(artifacts, 'admin-language-article-list.png') });
    await context.close();
    expect(problems).toEqual([]);
  }, 300_000);
});
