import { XMLValidator } from 'fast-xml-parser';
import { blocksToHtml } from '../../src/lib/feeds/blocks-html';
import { renderAtom } from '../../src/lib/feeds/atom';
import { renderJsonFeed } from '../../src/lib/feeds/json-feed';
import { renderRss } from '../../src/lib/feeds/rss';
import type { Feed } from '../../src/lib/feeds/model';
import { parseFeedQuery } from '../../src/lib/feeds/http';

const BASE = 'https://www.example.gov.cn';

describe('blocks to HTML', () => {
  test('renders paragraphs, headings, lists and links', () => {
    const html = blocksToHtml(
      [
        { type: 'heading', level: 2, children: [{ type: 'text', text: '殷殷嘱托 激励奋进' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '正文', bold: true },
            { type: 'link', url: '/a', children: [{ type: 'text', text: '链接' }] },
          ],
        },
        { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: '一' }] }] },
      ],
      BASE
    );
    expect(html).toBe(
      '<h2>殷殷嘱托 激励奋进</h2><p><strong>正文</strong><a href="https://www.example.gov.cn/a">链接</a></p><ul><li>一</li></ul>'
    );
  });

  test.each([
    ['a javascript: link', { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }],
    ['a data: link', { type: 'link', url: 'data:text/html,<script>alert(1)</script>', children: [{ type: 'text', text: 'x' }] }],
    ['an image with a javascript: source', { type: 'image', image: { url: 'javascript:alert(1)', alternativeText: 'x' } }],
  ])('drops %s', (_name, node) => {
    const html = blocksToHtml([{ type: 'paragraph', children: [node] }], BASE);
    expect(html).not.toMatch(/javascript:|data:/i);
  });

  test('text that looks like markup stays text', () => {
    const html = blocksToHtml(
      [{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }] }],
      BASE
    );
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  test('malformed or empty blocks give an empty body, not an exception', () => {
    expect(blocksToHtml(null, BASE)).toBe('');
    expect(blocksToHtml([{ type: 'no-such-block' }], BASE)).toBe('');
  });
});

describe('serializers', () => {
  const feed: Feed = {
    id: 'urn:uuid:00000000-0000-5000-8000-000000000000',
    title: 'T ]]> & <x>',
    description: 'D \u0001',
    language: 'zh-Hans',
    siteUrl: `${BASE}/`,
    selfUrl: `${BASE}/api/feeds/articles.rss`,
    updated: new Date('2022-09-23T12:40:00Z'),
    author: '浙江省机关事务管理局',
    generator: 'gov-newsroom',
    items: [
      {
        id: 'urn:uuid:11111111-1111-5111-8111-111111111111',
        title: '标题 ]]> \u0008',
        link: `${BASE}/articles/a`,
        summary: null,
        html: '<p>x ]]> y</p>',
        published: new Date('2022-09-23T12:40:00Z'),
        updated: new Date('2022-09-23T12:40:00Z'),
        author: null,
        category: null,
        image: null,
      },
    ],
  };

  test.each([
    ['RSS', renderRss],
    ['Atom', renderAtom],
  ])('%s is well-formed even with ]]>, & and control characters', (_name, render) => {
    const xml = render(feed);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0001\u0008]/);
    expect(xml).toContain('T ]]&gt; &amp; &lt;x&gt;');
  });

  test('an item without author, category or image leaves those elements out', () => {
    const rss = renderRss(feed);
    expect(rss).not.toMatch(/<dc:creator|<category|<enclosure/);
    const json = JSON.parse(renderJsonFeed(feed));
    expect(json.items[0]).not.toHaveProperty('authors');
    expect(json.items[0]).not.toHaveProperty('image');
  });
});

describe('the feed query parser', () => {
  const defaults = { defaultLimit: 20, maxLimit: 100 };
  test('takes a locale code and a limit within bounds, with defaults', () => {
    expect(parseFeedQuery({}, defaults)).toEqual({ locale: undefined, limit: 20 });
    expect(parseFeedQuery({ locale: 'zh-Hans', limit: '5' }, defaults)).toEqual({ locale: 'zh-Hans', limit: 5 });
    expect(parseFeedQuery({ locale: 'en', limit: '100' }, defaults)).toEqual({ locale: 'en', limit: 100 });
  });

  test.each([
    [{ locale: 'zh_Hans' }, /locale/],
    [{ locale: ['en', 'zh-Hans'] }, /locale/],
    [{ locale: '<script>' }, /locale/],
    [{ limit: '0' }, /limit/],
    [{ limit: '101' }, /limit/],
    [{ limit: '1e2' }, /limit/],
    [{ limit: '-1' }, /limit/],
    [{ limit: ['5'] }, /limit/],
  ])('refuses %j with a message for the 400', (query, message) => {
    expect(parseFeedQuery(query as Record<string, unknown>, defaults)).toEqual(expect.stringMatching(message));
  });
});
