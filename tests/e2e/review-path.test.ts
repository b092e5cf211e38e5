// 三审 in a real browser (Debian's Chromium driven by playwright-core), in Chinese, as the
// agency's editors meet it: the Super Admin registers on the Chinese first-run page and
// invites four editors; each registers through the invitation link in their own browser;
// 撰稿 writes an article in the content manager (which opens on 稿件), previews it and
// sends it to 初审; 初审 and 复审 find it in 待我审核 and pass it; 终审's publish is
// refused until 终审 approves it, then it is published and readers see it.
import fs from 'fs';
import path from 'path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServerProcess, stopServer, type ServerProcess } from '../helpers/process';
import { launchBrowser, browserDatabase, browserSuite } from '../helpers/browser';
import { waitForValue } from '../helpers/wait';
import { readJson } from '../helpers/http';

const artifacts = path.join(__dirname, 'artifacts');
const { file: dbFile, clean } = browserDatabase('e2e-review');
const TITLE = '全省机关事务系统节能宣传周活动启动';
const PASSWORD = 'Review-Passw0rd';
const ROLES = [
  { role: '撰稿', email: 'writer@example.gov.cn', first: '王', last: '撰稿' },
  { role: '初审', email: 'first@example.gov.cn', first: '李', last: '初审' },
  { role: '复审', email: 'second@example.gov.cn', first: '张', last: '复审' },
  { role: '终审', email: 'final@example.gov.cn', first: '陈', last: '终审' },
] as const;

const suite = browserSuite();

suite('三审 in a real browser, in Chinese', () => {
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    clean();
    fs.mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess({
      SERVE_ADMIN: 'true',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: dbFile,
      REVIEW_REQUIRED: 'true',
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    clean();
  });

  const url = (p: string) => `${server.url}${p}`;
  /** A browser of its own (its own storage and login), as each editor has; the browser's language is English. */
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' });
    context.setDefaultTimeout(30_000);
    contexts.push(context);
    return context.newPage();
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });
  const reviewPanel = (page: Page) => page.getByTestId('review-panel');
  const stageIs = (page: Page, label: string) => reviewPanel(page).getByText(label, { exact: true }).first().waitFor();

  /** Opens the article from the 待我审核 menu page, as a reviewer finds it. */
  const openFromMyQueue = async (page: Page) => {
    await page.goto(url('/admin'));
    await page.getByRole('link', { name: '待我审核' }).click();
    await page.waitForURL(/\/admin\/newsroom\/review/);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(/api::article\.article\/[a-z0-9]{24}/);
    await reviewPanel(page).waitFor();
  };

  test('撰稿 → 初审 → 复审 → 终审 → published, with preview, each in their own browser', async () => {
    // The first-run page, in Chinese without anyone choosing it.
    const admin = await newPage();
    await admin.goto(url('/admin'));
    await admin.waitForURL(/register-admin/);
    await admin.getByText('欢迎使用Strapi!').first().waitFor();
    await admin.locator('input[name="firstname"]').fill('系统');
    await admin.locator('input[name="lastname"]').fill('管理员');
    await admin.locator('input[name="email"]').fill('admin@example.gov.cn');
    await admin.locator('input[name="password"]').fill('Admin-Passw0rd');
    await admin.locator('input[name="confirmPassword"]').fill('Admin-Passw0rd');
    await admin.getByRole('button', { name: '让我们开始吧' }).click();
    await admin.waitForURL(/\/admin\/?$/);
    // The home page greets in Chinese ("Hello …" / "Welcome to your administration panel" were English).
    await admin.getByText('欢迎使用管理后台').first().waitFor();
    await shot(admin, 'review-home');
    // The content manager opens on 稿件, its list's own columns in Chinese (they read AVAILABLE IN, STATUS).
    await admin.getByRole('link', { name: '内容管理' }).first().click();
    await admin.waitForURL(/collection-types\/api::article\.article/);
    const columns = admin.locator('thead th');
    await columns.filter({ hasText: '可用语言' }).first().waitFor();
    expect(await columns.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/状态/)]));
    await shot(admin, 'review-article-list');

    // The Super Admin invites the four editors (Settings › Users does this call).
    const login = await fetch(url('/admin/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.gov.cn', password: 'Admin-Passw0rd' }),
    });
    const headers = { Authorization: `Bearer ${(await readJson(login)).data.token}`, 'Content-Type': 'application/json' };
    const roles = (await readJson(await fetch(url('/admin/roles'), { headers }))).data as Array<{ id: number; name: string }>;
    const pages: Record<string, Page> = {};
    for (const { role, email, first, last } of ROLES) {
      const roleId = roles.find((r) => r.name === role)?.id;
      expect([role, roleId]).toEqual([role, expect.any(Number)]);
      const invited = await fetch(url('/admin/users'), {
        method: 'POST',
        headers,
        body: JSON.stringify({ email, firstname: first, lastname: last, roles: [roleId] }),
      });
      expect(invited.status).toBe(201);
      const { registrationToken } = (await readJson(invited)).data;
      // Each registers through the invitation link, on a page in Chinese.
      const page = await newPage();
      await page.goto(url(`/admin/auth/register?registrationToken=${registrationToken}`));
      // The form resets to the invitation's name and email when they arrive: filling the
      // passwords before that loses them (under load the click then stayed on this page).
      await page.waitForFunction((invited) => document.querySelector<HTMLInputElement>('input[name="email"]')?.value === invited, email);
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.locator('input[name="confirmPassword"]').fill(PASSWORD);
      await page.getByRole('button', { name: '让我们开始吧' }).click();
      await page.waitForURL(/\/admin\/?$/);
      pages[role] = page;
    }

    // 撰稿: the content manager opens on 稿件; 新建条目 (it said "Create new entry").
    const writer = pages['撰稿'];
    await writer.getByRole('link', { name: '内容管理' }).first().click();
    await writer.waitForURL(/collection-types\/api::article\.article/);
    await writer.getByRole('link', { name: '新建条目' }).first().click();
    await writer.waitForURL(/api::article\.article\/create/);
    await writer.locator('input[name="title"]').fill(TITLE);
    await writer.locator('input[name="source"]').fill('浙江省机关事务管理局 办公室');
    await writer.getByRole('combobox', { name: '所属栏目' }).click();
    await writer.getByRole('option', { name: /^上级工作动态/ }).click();
    await writer.getByRole('button', { name: '保存' }).click();
    await writer.waitForURL(/api::article\.article\/[a-z0-9]{24}/);
    const documentId = /([a-z0-9]{24})/.exec(writer.url())![1];
    await stageIs(writer, '草稿');
    // 撰稿 may not publish: the content manager shows its publish button disabled.
    for (const button of await writer.getByRole('button', { name: '发布', exact: true }).all())
      expect(await button.isDisabled()).toBe(true);

    // Preview: the reader shows the draft, marked as such, through a signed link.
    await writer.getByRole('link', { name: '打开预览' }).click();
    await writer.waitForURL(/\/preview/);
    const reader = writer.frameLocator('iframe').first();
    await reader.locator('h1', { hasText: TITLE }).waitFor();
    expect(await reader.locator('.preview-notice').innerText()).toMatch(/草稿/);
    await shot(writer, 'review-preview');
    await writer.goBack();
    await reviewPanel(writer).waitFor();

    await reviewPanel(writer).getByRole('button', { name: '送初审' }).click();
    await stageIs(writer, '初审');
    await shot(writer, 'review-submitted');

    // 初审 and 复审 find it in 待我审核 and pass it.
    for (const [role, button, next] of [
      ['初审', '初审通过', '复审'],
      ['复审', '复审通过', '终审'],
    ] as const) {
      const page = pages[role];
      await openFromMyQueue(page);
      await stageIs(page, role);
      await reviewPanel(page).getByRole('textbox').fill(`${role}意见：同意。`);
      await reviewPanel(page).getByRole('button', { name: button }).click();
      await stageIs(page, next);
    }

    // 终审: publishing before approving is refused, naming the missing level.
    const final = pages['终审'];
    await openFromMyQueue(final);
    await stageIs(final, '终审');
    await final.getByRole('button', { name: '发布', exact: true }).click();
    await final
      .getByText(/尚未通过终审/)
      .first()
      .waitFor();
    const before = await readJson(await fetch(url(`/api/articles/${documentId}`)));
    expect(before.error?.status).toBe(404);

    await reviewPanel(final).getByRole('button', { name: '终审通过' }).click();
    await stageIs(final, '可发布');
    await final.getByRole('button', { name: '发布', exact: true }).click();
    // The history shows each move, who made it and the comments, newest first.
    const history = await reviewPanel(final).getByTestId('review-event').allInnerTexts();
    expect(history.join('\n')).toMatch(
      /终审 → 可发布[\s\S]*陈 终审[\s\S]*复审意见：同意。[\s\S]*初审意见：同意。[\s\S]*草稿 → 初审[\s\S]*王 撰稿/
    );
    await shot(final, 'review-published');

    // Readers see it.
    const published: { data?: { title?: string } } = await waitForValue(
      async () => {
        const answer = await readJson(await fetch(url(`/api/articles/${documentId}`)));
        return answer.data ? answer : null;
      },
      { timeoutMs: 10_000, stepMs: 200, what: 'the published article' }
    );
    expect(published.data?.title).toBe(TITLE);

    // The Super Admin's 操作日志 shows who did what to it: the create, each stage move and the publish.
    await admin.goto(url('/admin'));
    await admin.getByRole('link', { name: '操作日志' }).click();
    await admin.waitForURL(/\/admin\/newsroom\/audit/);
    const rows = admin.getByTestId('audit-table').locator('tbody tr', { hasText: TITLE });
    // The action column's cells, whole (发布 is not 撤销发布).
    await rows
      .filter({ has: admin.locator('td:nth-child(2)', { hasText: /^发布$/ }) })
      .first()
      .waitFor();
    const log = (await rows.allInnerTexts()).join('\n');
    const actions = (await rows.locator('td:nth-child(2)').allInnerTexts()).map((cell) => cell.trim());
    for (const action of ['新建', '审核流转', '发布']) {
      expect([action, actions.includes(action)]).toEqual([action, true]);
    }
    for (const expected of ['王 撰稿', '李 初审', '张 复审', '陈 终审']) {
      expect([expected, log.includes(expected)]).toEqual([expected, true]);
    }
    await shot(admin, 'review-audit-log');
    // Five browsers, four registrations and a whole review: beside the other browser test on
    // two cores it takes over two minutes (one minute alone).
  }, 300_000);
});
