// The 信息公开 metadata table at the top of an article of the government information
// disclosure catalogue. `disclosureRows` has no DOM and no globals, so it is unit-tested
// in Node (tests/unit/reader-disclosure.test.ts); `disclosureTable` builds the element.

/** [label, value] pairs in the order the catalogue shows them; none for other articles. */
export const disclosureRows = (metadata, publishDate, t, formatDate) => {
  if (!metadata) return [];
  return [
    [t.indexNumber, metadata.indexNumber],
    [t.publishingOrganization, metadata.publishingOrganization],
    [t.topic, metadata.topic],
    [t.documentNumber, metadata.documentNumber],
    [t.writtenDate, metadata.writtenDate],
    [t.validity, t.validityValues[metadata.validity] ?? metadata.validity],
    [t.disclosureMethod, t.disclosureMethodValues[metadata.disclosureMethod] ?? metadata.disclosureMethod],
    [t.publishDate, publishDate ? formatDate(publishDate) : null],
  ].map(([label, value]) => [label, value ?? '']);
};

/** Two label/value pairs a row, as the agencies' 信息公开 pages lay them out. */
export const disclosureTable = (h, rows, t) => {
  if (rows.length === 0) return null;
  const lines = [];
  for (let i = 0; i < rows.length; i += 2) lines.push(rows.slice(i, i + 2));
  return h(
    'table',
    { class: 'disclosure' },
    h('caption', { text: t.disclosure }),
    h(
      'tbody',
      {},
      lines.map((pairs) =>
        h(
          'tr',
          {},
          pairs.map(([label, value]) => [h('th', { scope: 'row', text: label }), h('td', { text: value })])
        )
      )
    )
  );
};
