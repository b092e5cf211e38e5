#!/usr/bin/env node
// `npm run import -- [options] PATH...`: imports pages of the agency's old site, saved as
// .html/.htm (any encoding the page declares: UTF-8, GB2312/GBK/GB18030) or as page text
// (.txt, like ../shared/samples/legacy-article-2022-09-23.txt), and folders of them.
//
//   --dry-run         read and report, write nothing
//   --json            the report as JSON on stdout (logs go to stderr)
//   --publish         publish what is imported (default: drafts, for review)
//   --locale CODE     the locale to import into (default: the site's default locale)
//   --province NAME   the site's province, for "省…" organisations (default: read from 来源)
//
// Each page is keyed by its canonical URL when the HTML names one, else by its file path
// relative to the PATH given: a second run updates, never duplicates. A page that cannot
// be read or imported is reported with its error; the others are still imported. The exit
// code is 1 when a page failed.
'use strict';

require('./cli-database');

const fs = require('fs');
const path = require('path');
const { withApp } = require('./lib/app');

const PAGE = /\.(?:html?|txt)$/i;

const parseArgs = (argv) => {
  const options = { dryRun: false, json: false, publish: false, locale: null, province: null, paths: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--publish') options.publish = true;
    else if (arg === '--locale' || arg === '--province') options[arg.slice(2)] = argv[(i += 1)] ?? null;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.paths.push(arg);
  }
  return options;
};

/** The pages under each PATH (folders walked in name order), with the key each is known by. */
const pagesOf = (paths) => {
  const pages = [];
  for (const given of paths) {
    const root = path.resolve(given);
    if (!fs.existsSync(root)) {
      pages.push({ file: given, error: 'no such file or folder' });
      continue;
    }
    if (fs.statSync(root).isFile()) {
      pages.push({ file: given, absolute: root, key: `file:${given.split(path.sep).join('/')}` });
      continue;
    }
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (PAGE.test(entry.name)) {
          const relative = path.relative(root, full).split(path.sep).join('/');
          pages.push({ file: path.join(given, relative), absolute: full, key: `file:${path.basename(root)}/${relative}` });
        }
      }
    };
    walk(root);
  }
  return pages;
};

const canonicalUrl = (text) => {
  const match =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(text) ||
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(text);
  return match ? match[1] : null;
};

withApp(
  async ({ app: startApp, compiled, report }) => {
    const options = parseArgs(process.argv.slice(2));
    if (options.help || options.paths.length === 0) {
      console.error('usage: npm run import -- [--dry-run] [--json] [--publish] [--locale CODE] [--province NAME] PATH...');
      return options.help ? 0 : 2;
    }
    const { parseLegacyPage } = await compiled('legacyPage');

    const pages = pagesOf(options.paths);
    // A dry run reads the pages without the app (and without the database).
    const app = options.dryRun ? null : await startApp();
    const articles = [];
    const started = Date.now();
    const locale = options.locale ?? (app ? await app.plugin('i18n').service('locales').getDefaultLocale() : 'zh-Hans');
    for (const page of pages) {
      if (page.error) {
        articles.push({ file: page.file, status: 'failed', error: page.error });
        continue;
      }
      try {
        const bytes = fs.readFileSync(page.absolute);
        const isHtml = /\.html?$/i.test(page.absolute);
        const read = parseLegacyPage(bytes, { html: isHtml, province: options.province });
        const key = (isHtml && canonicalUrl(bytes.subarray(0, 65536).toString('latin1'))) || page.key;
        const { blocks: _blocks, ...fields } = read;
        const result = { file: page.file, key, ...fields };
        if (app) {
          const imported = await app.service('api::article.importer').importPage(read, {
            key,
            dir: path.dirname(page.absolute),
            locale,
            publish: options.publish,
          });
          Object.assign(result, imported);
        } else result.status = 'dry-run';
        articles.push(result);
      } catch (error) {
        articles.push({ file: page.file, status: 'failed', error: error.message });
      }
    }

    // The report first, then the shutdown (withApp's): whatever the shutdown says goes to
    // stderr and changes nothing that was written.
    const failed = articles.filter((article) => article.status === 'failed').length;
    if (options.json) {
      report(`${JSON.stringify({ articles }, null, 2)}\n`);
    } else {
      for (const article of articles) {
        const what =
          article.status === 'failed'
            ? article.error
            : `${article.title} (${article.quotes.length} quotes)${article.warnings?.length ? `; ${article.warnings.join('; ')}` : ''}`;
        report(`${article.status.padEnd(8)} ${article.file}: ${what}\n`);
      }
      report(
        `[import] ${articles.length - failed} of ${articles.length} pages ${options.dryRun ? 'read' : 'imported'} in ${Date.now() - started} ms\n`
      );
    }
    return failed ? 1 : 0;
  },
  {
    name: '[import]',
    // Only the report goes to stdout: the compiler's and Strapi's output go to stderr.
    reportOnly: true,
    fail: (error) => {
      console.error('[import] failed:', error.message);
      return 2;
    },
  }
);
