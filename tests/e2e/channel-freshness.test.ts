// 栏目更新检查 in a real browser (Debian's Chromium driven by playwright-core): an
// administrator opens the dashboard from the menu, sees a stale channel with the date
// it went stale, and follows it to the channel's edit view.
import fs from 'fs';
import path from 'path';
import { type Browser, type Page } from 'playwright-core';
import { startServerProcess, stopServer, type ServerProcess } from '../helpers/process';
import { launchBrowser, pinAdminToEnglish, browserDatabase, browserSuite } from '../helpers/browser';
import { readJson } from '../helpers/http';

const artifacts = path.join(__dirname, 'artifacts');
const { file: dbFile, clean } = browserDatabase('e2e-inspection');
const DAY_MS = 86_400_000;
const EMAIL = 'inspector@example.gov.cn';
const PASSWORD = 'Inspector-Passw0rd';

const suite = browserSuite();

suite('栏目更新检查 in a real browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    clean();
    fs.mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess({ SERVE_ADMIN: 'true', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' });
    context.setDefaultTimeout(30_000);
    // These steps name Strapi's own buttons in English; tests/e2e/review-path.test.ts runs in Chinese.
    await pinAdminToEnglish(context);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    clean();
  });

  const url = (p: string) => `${server.url}${p}`;

  test('an administrator sees a stale channel, its days since the last publish and its stale date, and opens it', async () => {
    await page.goto(url('/admin'));
    await page.waitForURL(/register-admin/);
    await page.locator('input[name="firstname"]').fill('检查');
    await page.locator('input[name="lastname"]').fill('员');
    await page.locator('input[name="email"]').fill(EMAIL);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="confirmPassword"]').fill(PASSWORD);
    await page.getByRole('button', { name: /let's start/i }).click();
    await page.waitForURL(/\/admin\/?$/);

    // A 动态要闻 channel whose only article is 30 days old, through the content manager's API.
    const login = await fetch(url('/admin/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const headers = { Authorization: `Bearer ${(await readJson(login)).data.token}`, 'Content-Type': 'application/json' };
    const cm = async (p: string, body: object) => {
      const res = await fetch(url(`/content-manager/collection-types/${p}`), { method: 'POST', headers, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return (await readJson(res)).data;
    };
    const channel = await cm('api::channel.channel?locale=zh-Hans', { name: '本局动态', updateClass: 'news' });
    await cm(`api::channel.channel/${channel.documentId}/actions/publish?locale=zh-Hans`, {});
    const thirtyDaysAgo = new Date(Date.now() - 30 * DAY_MS);
    const article = await cm('api::article.article?locale=zh-Hans', {
      title: '一个月前的本局动态',
      source: '浙江省机关事务管理局 办公室',
      publishDate: thirtyDaysAgo.toISOString(),
      channel: { connect: [{ documentId: channel.documentId, locale: 'zh-Hans' }] },
    });
    await cm(`api::article.article/${article.documentId}/actions/publish?locale=zh-Hans`, {});
    const report = await readJson(await fetch(url('/admin/newsroom/inspection/channels'), { headers }));
    const expected = report.data.channels.find((row: { documentId: string }) => row.documentId === channel.documentId);
    expect(expected).toMatchObject({ status: 'stale', daysSince: 30 });

    // From the menu.
    await page.goto(url('/admin'));
    // In English, as this administrator chose (the page reads as one language, #32).
    await page.getByRole('link', { name: 'Channel freshness' }).click();
    await page.waitForURL(/\/admin\/newsroom\/inspection/);
    await page.getByRole('heading', { name: 'Channel freshness' }).waitFor();
    const row = page.locator('[data-testid="inspection-table"] tr', { hasText: '本局动态' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/(^|\s)stale(\s|$)/i); // the badge shows its label in capitals
    expect(text).toContain('News');
    expect(text).toContain(expected.lastPublishDate);
    expect(text).toContain('30 days');
    expect(text).toContain(`${expected.staleOn} (16 days ago)`);
    // The demo's channel has not been updated since 2022; the 首页 root is not inspected and not listed.
    await page.locator('[data-testid="inspection-table"] tr', { hasText: '上级工作动态' }).waitFor();
    expect(await page.locator('[data-testid="inspection-table"] tr[data-status="exempt"]').count()).toBe(0);
    await page.screenshot({ path: path.join(artifacts, 'admin-inspection.png'), fullPage: true });

    // 全部栏目 (All channels) lists the rest too.
    await page.getByRole('checkbox', { name: /Show all channels/ }).click();
    await page.locator('[data-testid="inspection-table"] tr[data-status="exempt"]', { hasText: '首页' }).waitFor();

    // The channel's name opens its edit view, where its class is set.
    await row.getByRole('link', { name: /本局动态/ }).click();
    await page.waitForURL(new RegExp(`api::channel\\.channel/${channel.documentId}`));
    await page.getByText('Update class').first().waitFor();
  });
});
