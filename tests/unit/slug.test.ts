import { slugFromTitle } from '../../src/lib/slug';

test.each([
  ['感恩奋进 实干争先', 'gan-en-fen-jin-shi-gan-zheng-xian'],
  ['全省机关事务工作会议侧记', 'quan-sheng-ji-guan-shi-wu-gong-zuo-hui-yi-ce-ji'],
  ['杭州G20峰会保障', 'hang-zhou-g20-feng-hui-bao-zhang'],
  ['“浙里好管家”——应用', 'zhe-li-hao-guan-jia-ying-yong'],
  ['绿色 机关', 'lv-se-ji-guan'],
  ['Café News 2022', 'cafe-news-2022'],
  ['!!!', ''],
])('%s -> %s', (title, slug) => {
  expect(slugFromTitle(title)).toBe(slug);
});

test('long titles are cut on a syllable boundary', () => {
  const slug = slugFromTitle('机关事务'.repeat(30), 40);
  expect(slug.length).toBeLessThanOrEqual(40);
  expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect('ji-guan-shi-wu-'.repeat(30).startsWith(slug + '-')).toBe(true);
});
