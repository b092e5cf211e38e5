// 栏目更新检查: the channels the quarterly inspection would fail (stale, empty) or that
// are about to go stale, from GET /admin/newsroom/inspection/channels; each links to
// its edit view, where the editor sees the class and publishes.
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Badge,
  Box,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Toggle,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { freshnessMessages } from './messages';

type Status = 'stale' | 'empty' | 'due-soon' | 'ok' | 'exempt';
type Row = {
  documentId: string;
  name: string;
  path: string[];
  updateClass: string;
  classLabel: string;
  status: Status;
  lastPublishDate: string | null;
  daysSince: number | null;
  staleOn: string | null;
  daysLeft: number | null;
};
type Report = {
  locale: string;
  channels: Row[];
  summary: {
    today: string;
    warnDays: number;
    total: number;
    failing: number;
    stale: number;
    empty: number;
    dueSoon: number;
    ok: number;
    exempt: number;
  };
};
type Locale = { code: string; name: string; isDefault: boolean };

const STATUS: Record<Status, { text: string; background: string }> = {
  stale: { text: 'danger700', background: 'danger100' },
  empty: { text: 'danger700', background: 'danger100' },
  'due-soon': { text: 'warning700', background: 'warning100' },
  ok: { text: 'success700', background: 'success100' },
  exempt: { text: 'neutral600', background: 'neutral150' },
};
const CLASSES = ['news', 'notice', 'policy', 'personnel', 'topic', 'none'] as const;
type Text = ReturnType<typeof freshnessMessages.useText>;
const PROBLEMS: Status[] = ['stale', 'empty', 'due-soon'];

const editLink = (documentId: string, locale: string) =>
  `/content-manager/collection-types/api::channel.channel/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;

/** What the 过期日 column says: the date, and how far it is. */
const staleText = (text: Text, row: Row) => {
  if (!row.staleOn) return row.updateClass === 'topic' ? text('noPeriod') : '-';
  if (row.daysLeft !== null && row.daysLeft <= 0) return text('overdue', { date: row.staleOn, days: -row.daysLeft });
  return text('left', { date: row.staleOn, days: row.daysLeft ?? 0 });
};

/** The update class in the admin's language (the server's Chinese label for a class this does not know). */
const className = (text: Text, row: Row) =>
  (CLASSES as readonly string[]).includes(row.updateClass) ? text(`class.${row.updateClass as (typeof CLASSES)[number]}`) : row.classLabel;

const InspectionPage = () => {
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[]>([]);
  const [locale, setLocale] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const text = freshnessMessages.useText();

  useEffect(() => {
    get<Locale[]>('/i18n/locales')
      .then(({ data }) => {
        setLocales(data);
        setLocale(data.find((entry) => entry.isDefault)?.code ?? data[0]?.code ?? null);
      })
      .catch(() => setLocale(''));
  }, [get]);

  useEffect(() => {
    if (locale === null) return;
    let cancelled = false;
    setReport(null);
    setError(null);
    get<{ data: Report }>(`/admin/newsroom/inspection/channels${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`)
      .then(({ data }) => !cancelled && setReport(data.data))
      .catch((caught) => {
        if (cancelled) return;
        // The server says why (no permission for this locale, say); a network failure says nothing.
        setError((isFetchError(caught) && caught.response?.data?.error?.message) || text('unavailable'));
      });
    return () => {
      cancelled = true;
    };
  }, [get, locale, text]);

  const rows = report ? report.channels.filter((row) => showAll || PROBLEMS.includes(row.status)) : [];
  const summary = report?.summary;

  return (
    <Page.Main>
      <Page.Title>{text('menu')}</Page.Title>
      <Layouts.Header
        title={text('menu')}
        subtitle={
          summary
            ? text('summary', {
                today: summary.today,
                stale: summary.stale,
                empty: summary.empty,
                dueSoon: summary.dueSoon,
                warnDays: summary.warnDays,
              })
            : text('subtitle')
        }
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          {locales.length > 1 && locale ? (
            <Box width="240px">
              <SingleSelect aria-label={text('locale')} value={locale} onChange={(value: string | number) => setLocale(String(value))}>
                {locales.map((entry) => (
                  <SingleSelectOption key={entry.code} value={entry.code}>
                    {entry.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          ) : null}
          <Box>
            <Toggle
              onLabel={text('all')}
              offLabel={text('problems')}
              checked={showAll}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setShowAll(event.target.checked)}
              aria-label={text('showAll')}
            />
          </Box>
        </Flex>
        {error ? (
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        ) : !report ? (
          <Page.Loading />
        ) : rows.length === 0 ? (
          <Box padding={6} background="neutral0" hasRadius shadow="tableShadow">
            <Typography variant="omega" data-testid="inspection-all-clear">
              {text('allClear', { total: summary?.total ?? 0 })}
            </Typography>
          </Box>
        ) : (
          <Table colCount={6} rowCount={rows.length + 1} data-testid="inspection-table">
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{text('column.status')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{text('column.channel')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{text('column.class')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{text('column.last')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{text('column.days')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{text('column.staleOn')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row) => (
                <Tr key={row.documentId} data-status={row.status}>
                  <Td>
                    <Badge textColor={STATUS[row.status].text} backgroundColor={STATUS[row.status].background}>
                      {text(`status.${row.status}`)}
                    </Badge>
                  </Td>
                  <Td>
                    <Link tag={RouterLink} to={editLink(row.documentId, report.locale)}>
                      {row.path.join(' > ')}
                    </Link>
                  </Td>
                  <Td>
                    <Typography>{className(text, row)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{row.lastPublishDate ?? text('never')}</Typography>
                  </Td>
                  <Td>
                    <Typography>{row.daysSince === null ? '-' : text('days', { days: row.daysSince })}</Typography>
                  </Td>
                  <Td>
                    <Typography>{staleText(text, row)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default InspectionPage;
