// 版本记录 in a real browser (Debian's Chromium driven by playwright-core), in Chinese, on a
// 1440 px screen: the editor opens an article saved twice, finds both versions in the
// 版本记录 panel, compares them side by side (the changed words marked by colour and by
// ＋/－ signs), and brings the first back with 恢复此版本 after confirming; the edit view
// then shows the restored draft and the panel lists the restore as a new version.
import fs from 'fs';
import path from 'path';
import { type Browser, type Page } from 'playwright-core';
import { startServerProcess, stopServer, type ServerProcess } from '../helpers/process';
import { launchBrowser, browserDatabase, browserSuite } from '../helpers/browser';
import { waitFor } from '../helpers/wait';
import { readJson } from '../helpers/http';

const artifacts = path.join(__dirname, 'artifacts');
const { file: dbFile, clean } = browserDatabase('e2e-versions');
const ARTICLES = '/content-manager/collection-types/api::article.article';

const suite = browserSuite();

suite('版本记录 in a real browser, in Chinese', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let headers: Record<string, string>;

  const url = (p: string) => `${server.url}${p}`;
  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });
  const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

  beforeAll(async () => {
    clean();
    fs.mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess({ SERVE_ADMIN: 'true', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    await page.goto(url('/admin'));
    await page.waitForURL(/register-admin/);
    await page.locator('input[name="firstname"]').fill('系统');
    await page.locator('input[name="lastname"]').fill('管理员');
    await page.locator('input[name="email"]').fill('admin@example.gov.cn');
    await page.locator('input[name="password"]').fill('Admin-Passw0rd');
    await page.locator('input[name="confirmPassword"]').fill('Admin-Passw0rd');
    await page.getByRole('button', { name: '让我们开始吧' }).click();
    await page.waitForURL(/\/admin\/?$/);
    const login = await fetch(url('/admin/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.gov.cn', password: 'Admin-Passw0rd' }),
    });
    headers = { Authorization: `Bearer ${(await readJson(login)).data.token}`, 'Content-Type': 'application/json' };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    clean();
  });

  const stored = async (documentId: string) =>
    (await readJson(await fetch(url(`${ARTICLES}/${documentId}?locale=zh-Hans`), { headers }))).data as { title: string };

  test('two saves compared side by side, the first restored after a confirmation', async () => {
    const created = await fetch(url(`${ARTICLES}?locale=zh-Hans`), {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: '全省节能宣传周启动', source: '办公室', body: [paragraph('活动在杭州举行。')] }),
    });
    expect(created.status).toBe(201);
    const documentId = (await readJson(created)).data.documentId as string;
    const saved = await fetch(url(`${ARTICLES}/${documentId}?locale=zh-Hans`), {
      method: 'PUT',
      headers,
      body: JSON.stringify({ title: '全省节能宣传周隆重启动', body: [paragraph('活动在宁波举行。')] }),
    });
    expect(saved.status).toBe(200);

    await page.goto(url(`/admin${ARTICLES}/${documentId}?plugins[i18n][locale]=zh-Hans`));
    const panel = page.getByTestId('versions-panel');
    await panel.waitFor();
    await page.getByText('版本记录', { exact: true }).first().waitFor();
    const items = panel.getByTestId('versions-item');
    await waitFor(async () => (await items.count()) === 2, { timeoutMs: 10_000, stepMs: 200 });
    await panel
      .getByText(/修改了：.*标题/)
      .first()
      .waitFor();

    // Choose both and compare.
    for (const item of await items.all()) await item.getByRole('checkbox').click();
    await panel.getByRole('button', { name: '比较所选的两个版本' }).click();
    const dialog = page.getByTestId('versions-compare');
    await dialog.waitFor();
    await dialog.getByText('版本比较').waitFor();
    // Marked by colour and by signs: ＋ inserted (underlined), － deleted (struck through).
    const inserted = dialog.locator('ins[data-mark="insert"]');
    const deleted = dialog.locator('del[data-mark="delete"]');
    expect(await inserted.allTextContents()).toEqual(expect.arrayContaining(['＋隆重', '＋宁波']));
    expect(await deleted.allTextContents()).toEqual(expect.arrayContaining(['－杭州']));
    expect(await inserted.first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
    expect(await deleted.first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
    // Readable at 1440 px: the comparison fits the screen's width, side by side.
    const box = await dialog.boundingBox();
    expect(box && box.width).toBeGreaterThan(1000);
    expect(box && box.x + box.width).toBeLessThanOrEqual(1440);
    await dialog.getByText('正文').first().waitFor();
    await shot('versions-compare');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 恢复此版本 on the first version (the last listed), confirmed.
    await items.last().getByRole('button', { name: '恢复此版本' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('恢复此版本？').waitFor();
    await shot('versions-restore-confirm');
    await confirm.getByRole('button', { name: '恢复', exact: true }).click();
    await waitFor(async () => (await stored(documentId)).title === '全省节能宣传周启动', { timeoutMs: 15_000, stepMs: 200 });
    // The edit view shows the restored draft, and the restore is a new version.
    await page.waitForFunction(
      () => (document.querySelector('input[name="title"]') as HTMLInputElement | null)?.value === '全省节能宣传周启动',
      undefined,
      { timeout: 20_000 }
    );
    await waitFor(async () => (await page.getByTestId('versions-item').count()) === 3, { timeoutMs: 10_000, stepMs: 200 });
    await shot('versions-restored');
  }, 180_000);
});
