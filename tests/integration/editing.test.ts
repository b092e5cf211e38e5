// What editors get when they write: pinyin slugs, a stable publish date, a sane channel tree.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api } from '../helpers/http';
import { adminToken } from '../helpers/admin';
import { waitUntilTime } from '../helpers/wait';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await stopApp(app);
});

const articles = () => app.documents('api::article.article');

describe('slugs', () => {
  test('an article with a Chinese title and no slug gets a readable pinyin slug', async () => {
    const article = await articles().create({ locale: 'zh-Hans', data: { title: '浙里好管家 应用上线' } });
    expect(article.slug).toBe('zhe-li-hao-guan-jia-ying-yong-shang-xian');
  });

  test('a second article with the same title gets a distinct slug', async () => {
    const first = await articles().create({ locale: 'zh-Hans', data: { title: '重复标题' } });
    const second = await articles().create({ locale: 'zh-Hans', data: { title: '重复标题' } });
    expect(first.slug).toBe('chong-fu-biao-ti');
    expect(second.slug).toBe('chong-fu-biao-ti-2');
  });

  test('an editor-chosen slug is kept', async () => {
    const article = await articles().create({ locale: 'zh-Hans', data: { title: '会议通知', slug: 'meeting-notice-2022' } });
    expect(article.slug).toBe('meeting-notice-2022');
  });

  test('a channel and a commendation get pinyin slugs too', async () => {
    const channel = await app.documents('api::channel.channel').create({ locale: 'zh-Hans', data: { name: '通知公告' } });
    expect(channel.slug).toBe('tong-zhi-gong-gao');
    const commendation = await app
      .documents('api::commendation.commendation')
      .create({ locale: 'zh-Hans', data: { title: '全市先进集体', level: 'municipal' } });
    expect(commendation.slug).toBe('quan-shi-xian-jin-ji-ti');
  });

  test('an English translation keeps the document slug', async () => {
    const article = await articles().create({ locale: 'zh-Hans', data: { title: '双语稿件' } });
    const en = await articles().update({ documentId: article.documentId, locale: 'en', data: { title: 'Bilingual story' } });
    expect(en!.slug).toBe('shuang-yu-gao-jian');
  });
});

describe('publishDate (发布时间)', () => {
  test('defaults to the first publish and survives re-publishing and new translations', async () => {
    const draft = await articles().create({ locale: 'zh-Hans', data: { title: '发布时间测试' } });
    expect(draft.publishDate).toBeNull();

    const before = Date.now();
    await articles().publish({ documentId: draft.documentId, locale: 'zh-Hans' });
    const first = await api(app).get(`/api/articles/${draft.documentId}`);
    expect(first.status).toBe(200);
    const publishDate = first.body.data.publishDate;
    expect(new Date(publishDate).getTime()).toBeGreaterThanOrEqual(before - 1000);

    // A date set again from now would differ from here on.
    await waitUntilTime(Date.parse(publishDate) + 1100);
    await articles().update({ documentId: draft.documentId, locale: 'zh-Hans', data: { summary: '修改后' } });
    await articles().publish({ documentId: draft.documentId, locale: 'zh-Hans' });
    await articles().update({ documentId: draft.documentId, locale: 'en', data: { title: 'Publish date test' }, status: 'published' });
    await articles().unpublish({ documentId: draft.documentId, locale: 'zh-Hans' });
    await articles().publish({ documentId: draft.documentId, locale: 'zh-Hans' });

    const again = await api(app).get(`/api/articles/${draft.documentId}`);
    expect(again.body.data.summary).toBe('修改后');
    expect(again.body.data.publishedAt).not.toBe(first.body.data.publishedAt); // Strapi's own field moves...
    expect(again.body.data.publishDate).toBe(publishDate); // ...the date readers see does not.
    const en = await api(app).get(`/api/articles/${draft.documentId}?locale=en`);
    expect(en.body.data.publishDate).toBe(publishDate);
  });

  test('an editor-set date (an imported legacy article) is kept on publish', async () => {
    const article = await articles().create({
      locale: 'zh-Hans',
      data: { title: '旧稿', publishDate: '2019-05-01T02:00:00.000Z' },
      status: 'published',
    });
    expect(article.publishDate).toBe('2019-05-01T02:00:00.000Z');
  });
});

describe('the channel tree', () => {
  test('a channel cannot be moved under its own descendant', async () => {
    const channels = app.documents('api::channel.channel');
    const [root] = await channels.findMany({ locale: 'zh-Hans', filters: { slug: 'shou-ye' } });
    const [leaf] = await channels.findMany({ locale: 'zh-Hans', filters: { slug: 'shang-ji-gong-zuo-dong-tai' } });
    await expect(channels.update({ documentId: root.documentId, locale: 'zh-Hans', data: { parent: leaf.documentId } })).rejects.toThrow(
      /cannot be placed under itself/
    );
    const unchanged = await channels.findOne({ documentId: root.documentId, locale: 'zh-Hans', populate: ['parent'] });
    expect(unchanged!.parent).toBeNull();
  });
});

describe('in the admin panel', () => {
  let token: string;
  beforeAll(async () => {
    token = await adminToken(app, 'editor@example.gov.cn');
  });

  test('the slug generator turns a Chinese title into pinyin', async () => {
    const res = await api(app)
      .post('/content-manager/uid/generate?locale=zh-Hans')
      .set('Authorization', `Bearer ${token}`)
      .send({ contentTypeUID: 'api::article.article', field: 'slug', data: { title: '实干争先 再创佳绩' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toBe('shi-gan-zheng-xian-zai-chuang-jia-ji');
  });

  test('the Publish button sets publishDate once; publishing again keeps it', async () => {
    const draft = await articles().create({ locale: 'zh-Hans', data: { title: '后台发布' } });
    const publish = () =>
      api(app)
        .post(`/content-manager/collection-types/api::article.article/${draft.documentId}/actions/publish?locale=zh-Hans`)
        .set('Authorization', `Bearer ${token}`)
        .send({});
    const first = await publish();
    expect(first.status).toBe(200);
    const date = first.body.data.publishDate;
    expect(date).toEqual(expect.any(String));
    await waitUntilTime(Date.parse(date) + 1100); // a date set again from now would differ from here on
    const second = await publish();
    expect(second.status).toBe(200);
    expect(second.body.data.publishDate).toBe(date);
    expect(second.body.data.publishedAt).not.toBe(first.body.data.publishedAt);
  });
});
