// The admin's Chinese (src/admin/translations/zh-Hans.json): every message is valid ICU
// with the arguments and tags of Strapi's English (a lost {name} or <b> shows raw or
// breaks the page), the strings the issue named are translated, and the project's
// corrections hold (an image's caption is 图片说明, not the article's 标题).
import path from 'path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import zhHans from '../../src/admin/translations/zh-Hans.json';
import uploadLimits from '../../config/upload-limits';
import { exampleSize, inWan } from '../../src/lib/upload-limits';

const translations = zhHans as Record<string, string>;

/** Strapi's English messages, keyed as the admin merges them (plugins' keys prefixed with the plugin's id). */
const english = (() => {
  const sources: Array<[string, string, string]> = [
    ['@strapi/admin', 'dist/admin/admin/src/translations', ''],
    ['@strapi/content-manager', 'dist/admin/translations', 'content-manager.'],
    ['@strapi/i18n', 'dist/admin/translations', 'i18n.'],
    ['@strapi/upload', 'dist/admin/translations', 'upload.'],
    ['@strapi/plugin-users-permissions', 'dist/admin/translations', 'users-permissions.'],
  ];
  const all: Record<string, string> = {};
  for (const [pkg, dir, prefix] of sources) {
    const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), dir, 'en.json.js');
    const loaded = require(file);
    for (const [key, value] of Object.entries((loaded.default ?? loaded) as Record<string, string>)) all[prefix + key] = value;
  }
  return all;
})();

/** The argument names and tag names of a message. */
const shapeOf = (message: string) => {
  const args = new Set<string>();
  const tags = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.tag) {
        tags.add(element.value);
        walk(element.children);
      } else if (element.type === TYPE.plural || element.type === TYPE.select) {
        args.add(element.value);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (
        element.type === TYPE.argument ||
        element.type === TYPE.number ||
        element.type === TYPE.date ||
        element.type === TYPE.time
      ) {
        args.add(String(element.value));
      }
    }
  };
  walk(parse(message));
  return { args: [...args].sort(), tags: [...tags].sort() };
};

/** The text a message shows, without its arguments and tags' names. */
const textOf = (elements: MessageFormatElement[]): string =>
  elements
    .map((element) => {
      if (element.type === TYPE.literal) return element.value;
      if (element.type === TYPE.tag) return textOf(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        return Object.values(element.options)
          .map((option) => textOf(option.value))
          .join(' ');
      return '';
    })
    .join('');

test('every message parses and keeps the arguments and tags of the English', () => {
  const broken: string[] = [];
  for (const [key, message] of Object.entries(translations)) {
    try {
      const shape = shapeOf(message);
      if (english[key] !== undefined) expect([key, shape]).toEqual([key, shapeOf(english[key])]);
    } catch (error) {
      broken.push(`${key}: ${(error as Error).message}`);
    }
  }
  expect(broken).toEqual([]);
  expect(Object.keys(translations).length).toBeGreaterThan(1000);
});

test('the strings editors saw in English are translated', () => {
  const named: Record<string, RegExp> = {
    'HomePage.header.title': /^您好，\{name\}/,
    'HomePage.header.subtitle': /管理后台/,
    'content-manager.HeaderLayout.button.label-add-entry': /^新建条目$/,
    'i18n.list-view.table.header.label': /^可用语言$/,
    'content-manager.containers.list.table-headers.status': /^状态$/,
    'content-manager.containers.List.published': /^已发布$/,
    'content-manager.containers.List.modified': /^已修改$/,
    'content-manager.relation.add': /^添加或新建关联$/,
    'content-manager.form.Input.hint.character.unit': /个字符/,
    'components.Blocks.blocks.text': /^正文段落$/,
    'content-manager.preview.panel.button': /^打开预览$/,
    // The users-permissions type's name, which the content manager's menu and list title translate.
    User: /^前台用户$/,
  };
  for (const [key, expected] of Object.entries(named)) expect([key, translations[key]]).toEqual([key, expect.stringMatching(expected)]);
  // No message is left in English: its text (outside arguments and tags) has Chinese, or is
  // a name or example that stays as it is (file types, API ID, e-mail and link placeholders).
  const TECHNICAL = /^(API ID|GraphQL|Webhook|CSV|PDF|XLS|ZIP|[\w.@]+\.(com|cn)|[_a-z]+(, [_a-z]+)+)$/;
  const untranslated = Object.entries(translations).filter(([, message]) => {
    const text = textOf(parse(message)).trim();
    return /[A-Za-z]{3,}/.test(text) && !/[\u4e00-\u9fff]/.test(text) && !TECHNICAL.test(text);
  });
  expect(untranslated).toEqual([]);
});

test("an image's caption is 图片说明, never 标题 like the article's title", () => {
  expect(translations['upload.form.input.label.file-caption']).toBe('图片说明');
  expect(translations['upload.asset-details.caption']).toBe('图片说明');
});

test("the media library's upload dialog states the upload limits: UPLOAD_MAX_PIXELS' default, the body parser's 200 MB", () => {
  // The default as config/upload-limits.ts reads it from an environment without the variable.
  const defaults = <T>(_name: string, fallback: T) => fallback;
  const { maxPixels } = uploadLimits({ env: Object.assign(defaults, { int: defaults }) } as never);
  expect(translations['upload.input.label']).toContain(`不超过 ${inWan(maxPixels)}，如 ${exampleSize(maxPixels)}；文件不超过 200 MB`);
});
