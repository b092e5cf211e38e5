#!/usr/bin/env node
// npm run bench:quotes [-- --dist DIR]
//
// How well the quote finder and the page reader do on newsroom pages they were not written
// for: tests/fixtures/quotes/tune (the pages the rules were tuned on) and
// tests/fixtures/quotes/held-aside (pages never looked at while tuning), each with its
// <page>.truth.json. For each half: quote precision, recall and F1 (a found quote matches a
// truth quote when their texts match after whitespace is removed), attribution (of matched
// quotes, the share with name, position and organisation all right; and name alone),
// commended units and individuals (precision and recall by name), metadata exact (title,
// source, publishedAt, clicks, breadcrumb, headings), and milliseconds per page.
'use strict';

const fs = require('fs');
const path = require('path');
const { appDir, flag, compile } = require('./lib');

const HALVES = ['tune', 'held-aside'];
const corpus = path.join(appDir, 'tests', 'fixtures', 'quotes');
const norm = (text) => (text ?? '').replace(/\s+/g, '');
const ratio = (a, b) => (b === 0 ? null : a / b);
const f1 = (p, r) => (p === null || r === null || p + r === 0 ? (p === null && r === null ? null : 0) : (2 * p * r) / (p + r));
const fmt = (x) => (x === null || x === undefined ? '  -  ' : x.toFixed(2).padStart(5));

/** 2022-09-23T12:40:00.000Z → 2022-09-23 20:40 (Beijing time, as the truth files write it). */
const beijing = (iso) => {
  if (!iso) return null;
  const date = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${date.slice(0, 10)} ${date.slice(11, 16)}`;
};

const pagesOf = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => /\.(?:txt|html?)$/.test(name) && fs.existsSync(path.join(dir, name.replace(/\.\w+$/, '.truth.json'))))
        .sort()
    : [];

const METADATA = ['title', 'source', 'publishedAt', 'clicks', 'breadcrumb', 'headings'];

const scorePage = (parseLegacyPage, dir, name) => {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, name.replace(/\.\w+$/, '.truth.json')), 'utf8'));
  const bytes = fs.readFileSync(path.join(dir, name));
  const started = process.hrtime.bigint();
  let page = null;
  let error = null;
  try {
    page = parseLegacyPage(bytes, { html: /\.html?$/.test(name) });
  } catch (e) {
    error = e.message;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const found = page ? page.quotes : [];
  const open = truth.quotes.map((quote) => ({ quote, key: norm(quote.text), used: false }));
  let matched = 0;
  let attributed = 0;
  let named = 0;
  const misses = [];
  for (const quote of found) {
    const hit = open.find((item) => !item.used && item.key === norm(quote.text));
    if (!hit) {
      misses.push(`    + found, not in truth: ${quote.text.slice(0, 30)}… (${quote.speakerName})`);
      continue;
    }
    hit.used = true;
    matched += 1;
    const t = hit.quote;
    const nameRight = (quote.speakerName ?? null) === t.name && Boolean(quote.collective) === Boolean(t.collective);
    if (nameRight) named += 1;
    if (nameRight && (quote.speakerPosition ?? null) === t.position && (quote.speakerOrganization ?? null) === t.organization)
      attributed += 1;
    else
      misses.push(
        `    ~ ${t.text.slice(0, 20)}…: ${quote.speakerName}|${quote.speakerPosition}|${quote.speakerOrganization}${quote.collective ? '*' : ''}` +
          ` ≠ ${t.name}|${t.position}|${t.organization}${t.collective ? '*' : ''}`
      );
  }
  for (const item of open) if (!item.used) misses.push(`    - missed: ${item.quote.text.slice(0, 30)}… (${item.quote.name})`);

  const units = page ? page.commendedUnits.map((unit) => unit.name) : [];
  const people = page ? page.commendedIndividuals.map((person) => person.name) : [];
  const truthUnits = truth.commended.units;
  const truthPeople = truth.commended.individuals.map((person) => person.name);
  for (const unit of units) if (!truthUnits.includes(unit)) misses.push(`    + unit, not in truth: ${unit}`);
  for (const unit of truthUnits) if (!units.includes(unit)) misses.push(`    - unit missed: ${unit}`);
  for (const person of people) if (!truthPeople.includes(person)) misses.push(`    + individual, not in truth: ${person}`);
  for (const person of truthPeople) if (!people.includes(person)) misses.push(`    - individual missed: ${person}`);
  const metadata = {
    title: page?.title ?? null,
    source: page?.source ?? null,
    publishedAt: beijing(page?.publishDate),
    clicks: page?.legacyClickCount ?? null,
    breadcrumb: page?.breadcrumb ?? null,
    headings: page?.headings ?? null,
  };
  const expected = { ...truth.metadata, headings: truth.headings };
  const metaRight = Object.fromEntries(METADATA.map((key) => [key, JSON.stringify(metadata[key]) === JSON.stringify(expected[key])]));
  for (const key of METADATA)
    if (!metaRight[key]) misses.push(`    ! ${key}: ${JSON.stringify(metadata[key])} ≠ ${JSON.stringify(expected[key])}`);
  if (error) misses.unshift(`    ! not read: ${error}`);
  return {
    name,
    ms,
    found: found.length,
    truth: truth.quotes.length,
    matched,
    attributed,
    named,
    units: { found: units.length, truth: truthUnits.length, right: units.filter((unit) => truthUnits.includes(unit)).length },
    people: { found: people.length, truth: truthPeople.length, right: people.filter((person) => truthPeople.includes(person)).length },
    metaRight,
    misses,
  };
};

const total = (rows) => {
  const sum = (pick) => rows.reduce((acc, row) => acc + pick(row), 0);
  const p = ratio(
    sum((r) => r.matched),
    sum((r) => r.found)
  );
  const r = ratio(
    sum((r) => r.matched),
    sum((r) => r.truth)
  );
  const up = ratio(
    sum((r) => r.units.right),
    sum((r) => r.units.found)
  );
  const ur = ratio(
    sum((r) => r.units.right),
    sum((r) => r.units.truth)
  );
  const ip = ratio(
    sum((r) => r.people.right),
    sum((r) => r.people.found)
  );
  const ir = ratio(
    sum((r) => r.people.right),
    sum((r) => r.people.truth)
  );
  return {
    pages: rows.length,
    quotes: sum((r) => r.truth),
    precision: p,
    recall: r,
    f1: f1(p, r),
    attribution: ratio(
      sum((r) => r.attributed),
      sum((r) => r.matched)
    ),
    nameOnly: ratio(
      sum((r) => r.named),
      sum((r) => r.matched)
    ),
    unitsP: up,
    unitsR: ur,
    peopleP: ip,
    peopleR: ir,
    ...Object.fromEntries(METADATA.map((key) => [key, ratio(rows.filter((row) => row.metaRight[key]).length, rows.length)])),
    allMetadata: ratio(rows.filter((row) => METADATA.every((key) => row.metaRight[key])).length, rows.length),
    ms: ratio(
      sum((r) => r.ms),
      rows.length
    ),
  };
};

const main = async () => {
  const dist = flag('dist', null);
  if (!dist) await compile();
  const { parseLegacyPage } = require(path.join(dist ? path.resolve(dist) : path.join(appDir, 'dist', 'src', 'lib'), 'legacy-page.js'));
  const verbose = process.argv.includes('--verbose');
  const totals = {};
  for (const half of HALVES) {
    const dir = path.join(corpus, half);
    const pages = pagesOf(dir);
    if (pages.length === 0) {
      console.log(`\n${half}: no pages (tests/fixtures/quotes/${half} is missing or empty)`);
      totals[half] = null;
      continue;
    }
    // Once unmeasured, so that the first page does not pay for warming up.
    for (const name of pages) scorePage(parseLegacyPage, dir, name);
    const rows = pages.map((name) => scorePage(parseLegacyPage, dir, name));
    console.log(`\n${half}: ${pages.length} pages`);
    console.log('  page                              quotes found matched   P     R     F1  attrib  name   meta   ms');
    for (const row of rows) {
      const p = ratio(row.matched, row.found);
      const r = ratio(row.matched, row.truth);
      const meta = METADATA.filter((key) => row.metaRight[key]).length;
      console.log(
        `  ${row.name.padEnd(32)} ${String(row.truth).padStart(6)} ${String(row.found).padStart(5)} ${String(row.matched).padStart(7)} ` +
          `${fmt(p)} ${fmt(r)} ${fmt(f1(p, r))} ${fmt(ratio(row.attributed, row.matched))} ${fmt(ratio(row.named, row.matched))}  ${meta}/${METADATA.length} ${row.ms.toFixed(1).padStart(6)}`
      );
      if (verbose) for (const line of row.misses) console.log(line);
    }
    totals[half] = total(rows);
  }

  const lines = [
    ['pages', 'pages', (x) => String(x)],
    ['quotes in truth', 'quotes', (x) => String(x)],
    ['quote precision', 'precision'],
    ['quote recall', 'recall'],
    ['quote F1', 'f1'],
    ['attribution (name+position+org)', 'attribution'],
    ['attribution (name only)', 'nameOnly'],
    ['commended units P', 'unitsP'],
    ['commended units R', 'unitsR'],
    ['commended individuals P', 'peopleP'],
    ['commended individuals R', 'peopleR'],
    ...METADATA.map((key) => [`metadata exact: ${key}`, key]),
    ['metadata exact: all six', 'allMetadata'],
    ['ms per page', 'ms', (x) => x.toFixed(2)],
  ];
  console.log('\noverall                               tune   held-aside');
  for (const [label, key, show = fmt] of lines) {
    const cell = (half) => (totals[half] ? show(totals[half][key]) : 'none');
    console.log(`  ${label.padEnd(34)} ${cell('tune').padStart(6)} ${cell('held-aside').padStart(10)}`);
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
