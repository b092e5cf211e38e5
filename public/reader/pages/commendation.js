// A commendation: its units and individuals, filterable by city and searchable by name.
import { locale, t } from '../i18n.js';
import { api } from '../api.js';
import { h, render, setTitle, breadcrumb, notFound } from '../dom.js';

export const commendationPage = async (slug) => {
  const result = await api('/api/commendations', {
    locale,
    'filters[slug][$eq]': slug,
    'populate[commendedUnits][fields][0]': 'name',
    'populate[commendedUnits][fields][1]': 'city',
    'populate[commendedUnits][fields][2]': 'district',
    'populate[commendedIndividuals][fields][0]': 'name',
    'populate[commendedIndividuals][fields][1]': 'organization',
    'populate[commendedIndividuals][fields][2]': 'position',
    'populate[commendedIndividuals][fields][3]': 'city',
  });
  const commendation = result?.data?.[0];
  if (!commendation) return notFound('commendation');
  setTitle(commendation.title);
  const units = commendation.commendedUnits ?? [];
  const people = commendation.commendedIndividuals ?? [];
  const cities = [...new Set([...units, ...people].map((x) => x.city).filter(Boolean))].sort();
  const city = h(
    'select',
    { id: 'city-filter' },
    h('option', { value: '', text: t.allCities }),
    cities.map((c) => h('option', { value: c, text: c }))
  );
  const search = h('input', { id: 'name-search', type: 'search', autocomplete: 'off' });
  const unitBody = h('tbody');
  const peopleBody = h('tbody');
  const empty = (cols) => h('tr', {}, h('td', { colspan: cols, text: t.none }));
  const update = () => {
    const term = search.value.trim().toLowerCase();
    const keep = (x) => (!city.value || x.city === city.value) && (!term || x.name.toLowerCase().includes(term));
    const shownUnits = units.filter(keep);
    const shownPeople = people.filter(keep);
    unitBody.replaceChildren(
      ...(shownUnits.length
        ? shownUnits.map((u) => h('tr', {}, h('td', { text: u.name }), h('td', { text: [u.city, u.district].filter(Boolean).join(' ') })))
        : [empty(2)])
    );
    peopleBody.replaceChildren(
      ...(shownPeople.length
        ? shownPeople.map((p) =>
            h(
              'tr',
              {},
              h('td', { text: p.name }),
              h('td', { text: p.organization ?? '' }),
              h('td', { text: p.position ?? '' }),
              h('td', { text: p.city ?? '' })
            )
          )
        : [empty(4)])
    );
  };
  city.addEventListener('change', update);
  search.addEventListener('input', update);
  update();
  render(
    breadcrumb([{ name: t.home, slug: '' }], commendation.title),
    h('h1', { text: commendation.title }),
    h(
      'p',
      {},
      commendation.conferredBy ? `${t.conferredBy}: ${commendation.conferredBy}. ` : '',
      commendation.unitQuota || commendation.individualQuota ? t.quota(commendation.unitQuota ?? 0, commendation.individualQuota ?? 0) : ''
    ),
    h(
      'div',
      { class: 'filters', role: 'search' },
      h('div', {}, h('label', { for: 'city-filter', text: t.city }), city),
      h('div', {}, h('label', { for: 'name-search', text: t.search }), search)
    ),
    h('h2', { text: t.units }),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t.name }), h('th', { scope: 'col', text: t.region }))),
      unitBody
    ),
    h('h2', { text: t.individuals }),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t.name, t.organization, t.position, t.city].map((label) => h('th', { scope: 'col', text: label }))
        )
      ),
      peopleBody
    )
  );
};
