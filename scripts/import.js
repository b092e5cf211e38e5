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
//   --progress        a progress line on stderr (pages done, pages/s, ETA); on by default
//                     when stderr is a terminal
//
// Each page is keyed by its canonical URL when the HTML names one, else by its file path
// relative to the PATH given: a second run updates, never duplicates. A page that cannot
// be read or imported is reported with its error; the others are still imported. The exit
// code is 1 when a page failed. Quotes said by a group (与会代表, 大家) are left out: no
// editor chose them (src/lib/collective-quotes.ts). The report is written page by page as
// the import goes, so a 30,000-page archive holds one page in memory, not all of them.
'use strict';

require('./cli-database');

const fs = require('fs');
const path = require('path');
const { withApp } = require('./lib/app');

const PAGE = /\.(?:html?|txt)$/i;

const parseArgs = (argv) => {
  const options = { dryRun: false, json: false, publish: false, progress: false, locale: null, province: null, paths: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--publish') options.publish = true;
    else if (arg === '--progress') options.progress = true;
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

/**
 * The report, written as each page is done. `--json` writes what
 * `JSON.stringify({ articles }, null, 2)` of the whole list would, piece by piece.
 */
const reporter = (report, { json, dryRun }) => {
  let count = 0;
  let failed = 0;
  const started = Date.now();
  return {
    add(article) {
      if (article.status === 'failed') failed += 1;
      if (json) {
        const item = JSON.stringify(article, null, 2).replace(/^/gm, '    ');
        report(`${count === 0 ? '{\n  "articles": [\n' : ',\n'}${item}`);
      } else {
        const what =
          article.status === 'failed'
            ? article.error
            : `${article.title} (${article.quotes.length} quotes)${article.warnings?.length ? `; ${article.warnings.join('; ')}` : ''}`;
        report(`${article.status.padEnd(8)} ${article.file}: ${what}\n`);
      }
      count += 1;
    },
    end() {
      if (json) report(count === 0 ? '{\n  "articles": []\n}\n' : '\n  ]\n}\n');
      else report(`[import] ${count - failed} of ${count} pages ${dryRun ? 'read' : 'imported'} in ${Date.now() - started} ms\n`);
      return failed;
    },
  };
};

/** The progress line on stderr: pages done, pages per second, time left. Redrawn in place on a terminal. */
const progressLine = (total, { tty }) => {
  const started = Date.now();
  let shown = 0;
  const minutes = (seconds) =>
    seconds >= 3600
      ? `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`
      : `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  const line = (done) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? minutes((total - done) / rate) : '?';
    return `[import] ${done}/${total} pages, ${rate.toFixed(1)} pages/s, ETA ${eta}`;
  };
  return {
    update(done) {
      const now = Date.now();
      // A terminal is redrawn four times a second; a log file gets a line every 5 seconds.
      if (done < total && now - shown < (tty ? 250 : 5000)) return;
      shown = now;
      process.stderr.write(tty ? `\r${line(done)}\x1b[K` : `${line(done)}\n`);
    },
    end(done) {
      process.stderr.write(tty ? `\r${line(done)}\x1b[K\n` : `${line(done)}\n`);
    },
  };
};

withApp(
  async ({ app: startApp, compiled, report }) => {
    const options = parseArgs(process.argv.slice(2));
    if (options.help || options.paths.length === 0) {
      console.error('usage: npm run import -- [--dry-run] [--json] [--publish] [--locale CODE] [--province NAME] PATH...');
      return options.help ? 0 : 2;
    }
    const { parseLegacyPage } = await compiled('legacyPage');
    const { namedQuotes } = await compiled('collectiveQuotes');

    const pages = pagesOf(options.paths);
    // A dry run reads the pages without the app (and without the database).
    const app = options.dryRun ? null : await startApp();
    const out = reporter(report, options);
    const tty = Boolean(process.stderr.isTTY);
    const progress = options.progress || tty ? progressLine(pages.length, { tty }) : null;
    const locale = options.locale ?? (app ? await app.plugin('i18n').service('locales').getDefaultLocale() : 'zh-Hans');
    let done = 0;
    for (const page of pages) {
      progress?.update(done);
      done += 1;
      if (page.error) {
        out.add({ file: page.file, status: 'failed', error: page.error });
        continue;
      }
      try {
        const bytes = fs.readFileSync(page.absolute);
        const isHtml = /\.html?$/i.test(page.absolute);
        const read = parseLegacyPage(bytes, { html: isHtml, province: options.province });
        read.quotes = namedQuotes(read.quotes);
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
        out.add(result);
      } catch (error) {
        out.add({ file: page.file, status: 'failed', error: error.message });
      }
    }
    progress?.end(done);

    // The report's end first, then the shutdown (withApp's): whatever the shutdown says goes
    // to stderr and changes nothing that was written.
    const failed = out.end();
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
