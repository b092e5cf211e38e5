#!/usr/bin/env node
// `npm run report:inspection -- [--locale CODE] [--json] [--all]`: the channel freshness
// report of the admin dashboard (栏目更新检查), for cron. Reads the configured database
// through the same service as the admin API.
//
//   --locale CODE   the locale to inspect (default: the site's default locale)
//   --json          the whole report as JSON on stdout (what the admin API answers)
//   --all           list every channel, not only the stale, empty and due-soon ones
//
// Exit code: 0 nothing fails (channels due soon are printed as warnings), 1 a channel is
// stale or empty, 2 bad usage (an unknown option or locale, a bad INSPECTION_WARN_DAYS),
// 3 the report could not be made (the database unreachable, say). Only the report goes
// to stdout; Strapi's own logs go to stderr.
'use strict';

const { withApp } = require('./lib/app');

const USAGE = 'usage: npm run report:inspection -- [--locale CODE] [--json] [--all]';

class UsageError extends Error {}

const parseArgs = (argv) => {
  const options = { locale: undefined, json: false, all: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--all') options.all = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--locale') {
      options.locale = argv[(i += 1)];
      if (!options.locale || options.locale.startsWith('--')) throw new UsageError('--locale needs a locale code, e.g. --locale zh-Hans');
    } else if (arg.startsWith('--locale=')) options.locale = arg.slice('--locale='.length);
    else throw new UsageError(`unknown argument ${arg}`);
  }
  return options;
};

const STATUS_TEXT = {
  stale: '过期 STALE',
  empty: '空白 EMPTY',
  'due-soon': '将过期 due soon',
  ok: '正常 ok',
  exempt: '不检查 exempt',
};

/** Columns a terminal gives a string: CJK and full-width forms take two. */
const width = (text) => {
  let columns = 0;
  for (const char of text) {
    const code = char.codePointAt(0);
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    columns += wide ? 2 : 1;
  }
  return columns;
};
const pad = (text, columns) => text + ' '.repeat(Math.max(0, columns - width(text)));

/** The report as a table with a summary, warnings and the verdict. */
const format = (report, all) => {
  const { summary } = report;
  const lines = [
    `栏目更新检查 Channel freshness: ${report.locale}, ${summary.today} (北京时间 Beijing time), warning ${summary.warnDays} days ahead`,
  ];
  const rows = report.channels.filter((row) => all || ['stale', 'empty', 'due-soon'].includes(row.status));
  if (rows.length) {
    const table = [
      ['状态 status', '栏目 channel', '类别 class', '最后发布 last publish', '天数 days', '过期日 stale on'],
      ...rows.map((row) => [
        STATUS_TEXT[row.status],
        row.path.join(' > '),
        `${row.classLabel} ${row.updateClass}`,
        row.lastPublishDate ?? '-',
        row.daysSince === null ? '-' : String(row.daysSince),
        row.staleOn ?? '-',
      ]),
    ];
    const columns = table[0].map((_, i) => Math.max(...table.map((cells) => width(cells[i]))));
    lines.push('');
    for (const cells of table)
      lines.push(
        cells
          .map((cell, i) => pad(cell, columns[i]))
          .join('  ')
          .trimEnd()
      );
  }
  lines.push(
    '',
    `合计 ${summary.total} channels: 过期 stale ${summary.stale}, 空白 empty ${summary.empty}, ` +
      `将过期 due soon ${summary.dueSoon}, 正常 ok ${summary.ok}, 不检查 exempt ${summary.exempt}`
  );
  for (const row of report.channels.filter((channel) => channel.status === 'due-soon')) {
    lines.push(`WARNING ${row.path.join(' > ')} becomes stale on ${row.staleOn} (in ${row.daysLeft} days) unless something is published`);
  }
  lines.push(
    summary.failing
      ? `FAIL: ${summary.failing} channel(s) would fail the inspection (stale or empty)`
      : `OK: no stale or empty channel${summary.dueSoon ? `, ${summary.dueSoon} due soon` : ''}`
  );
  return `${lines.join('\n')}\n`;
};

withApp(
  async ({ app, report }) => {
    let options;
    try {
      options = parseArgs(process.argv.slice(2));
    } catch (error) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (options.help) {
      report(`${USAGE}\n`);
      return 0;
    }

    let strapi;
    try {
      strapi = await app();
    } catch (error) {
      // A bad INSPECTION_WARN_DAYS stops the start: the operator's usage, not an outage.
      if (/INSPECTION_WARN_DAYS/.test(error.message)) throw new UsageError(error.message);
      throw error;
    }
    let channels;
    try {
      channels = await strapi.service('api::channel.freshness').channelReport({ locale: options.locale });
    } catch (error) {
      if (error.name === 'ValidationError') throw new UsageError(error.message);
      throw error;
    }
    report(options.json ? `${JSON.stringify({ data: channels }, null, 2)}\n` : format(channels, options.all));
    return channels.summary.failing ? 1 : 0;
  },
  {
    name: '[inspection]',
    // Only the report goes to stdout: the compiler's and Strapi's output go to stderr.
    reportOnly: true,
    fail: (error) => {
      if (error instanceof UsageError) {
        console.error(`[inspection] ${error.message}\n${USAGE}`);
        return 2;
      }
      console.error('[inspection] the report could not be made:', error.message);
      return 3;
    },
  }
);
