#!/usr/bin/env node
// npm run bench:checks [-- --words N] [--chars N] [--runs N]
//
// The publish checks' text rules on a 20,000-character article with a 10,000-word list
// (by default), in one process, side by side:
//   (a) the word list (one Aho–Corasick pass, the `ahocorasick` package)
//   (b) a naive loop of String.includes over every word, for comparison
//   (c) personal data (ID numbers, mobile numbers, bank cards)
//   (d) (a) + (c), what the guard runs on an article's texts
//   (e) the reading before matching (src/lib/inspection/normalize.ts: 繁简, full-width, invisible characters)
// plus the one-off cost of compiling the list (done again only when the list changes).
// Prints the median and p95 of --runs runs of each, and the ratios.
'use strict';

const fs = require('fs');
const path = require('path');
const { appDir, flag, compile } = require('./lib');

const WORDS = Number(flag('words', 10_000));
const CHARS = Number(flag('chars', 20_000));
const RUNS = Number(flag('runs', 50));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const time = (fn) => {
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i += 1) {
    const started = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95), result };
};

const main = async () => {
  await compile();
  const dist = path.join(appDir, 'dist', 'src', 'lib', 'inspection');
  const { WordList } = require(path.join(dist, 'word-list.js'));
  const { findPersonalData } = require(path.join(dist, 'personal-data.js'));
  const { normalizeForWords } = require(path.join(dist, 'normalize.js'));

  // The article: the sample page's text, repeated to length, with a few problems in it.
  const sample = fs.readFileSync(path.join(appDir, '..', 'shared', 'samples', 'legacy-article-2022-09-23.txt'), 'utf8');
  let text = '';
  while (text.length < CHARS) text += sample;
  text = `${text.slice(0, CHARS - 60)}会议传达决策部属。联系电话13812345678，身份证330106198503121231。`;

  // The list: the starter list plus made-up words of 2 to 4 characters from the CJK block.
  const starter = JSON.parse(fs.readFileSync(path.join(appDir, 'database', 'seed', 'inspection-terms.json'), 'utf8')).terms;
  const terms = [...starter];
  for (let i = 0; terms.length < WORDS; i += 1) {
    let word = '';
    for (let j = 0; j < 2 + (i % 3); j += 1) word += String.fromCharCode(0x4e00 + ((i * 7919 + j * 104729) % 20_000));
    terms.push({ term: word, kind: ['forbidden', 'sensitive', 'misspelling'][i % 3], replacement: i % 3 === 2 ? '正确' : null });
  }

  const build = time(() => new WordList(terms));
  const list = build.result;
  const words = [...new Set(terms.map((term) => term.term))];
  const pieces = [{ field: 'body', text }];
  const ac = time(() => list.scan(text));
  const naive = time(() => words.filter((word) => text.includes(word)));
  const personal = time(() => findPersonalData(text));
  const both = time(() => [...list.findings(pieces), ...findPersonalData(text)]);
  const reading = time(() => normalizeForWords(text));

  const row = (name, figures, extra = '') =>
    console.log(
      `${name.padEnd(44)} median ${figures.median.toFixed(2).padStart(8)} ms   p95 ${figures.p95.toFixed(2).padStart(8)} ms ${extra}`
    );
  console.log(`# publish checks: ${text.length} characters, ${list.size} words in the list, ${RUNS} runs each (node ${process.version})`);
  row('compile the word list (once per list change)', build);
  row('(a) word list, Aho–Corasick', ac, `  ${ac.result.length} hits`);
  row('(b) word list, naive includes() loop', naive, `  ${naive.result.length} words found`);
  row('(c) personal data', personal, `  ${personal.result.length} hits`);
  row('(d) word list + personal data', both, `  ${both.result.length} findings`);
  row('(e) the reading (normalizeForWords)', reading);
  console.log(
    `ratio (b)/(a): ${(naive.median / ac.median).toFixed(1)}x   (d) within 10 ms: ${both.median < 10 ? 'yes' : 'NO'}   (e) within 50 ms: ${reading.median < 50 ? 'yes' : 'NO'}`
  );
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
