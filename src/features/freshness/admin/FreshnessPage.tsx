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

const STATUS: Record<Status, { label: string; text: string; background: string }> = {
  stale: { label: '已过期 Stale', text: 'danger700', background: 'danger100' },
  empty: { label: '空白栏目 Empty', text: 'danger700', background: 'danger100' },
  'due-soon': { label: '即将过期 Due soon', text: 'warning700', background: 'warning100' },
  ok: { label: '正常 OK', text: 'success700', background: 'success100' },
  exempt: { label: '不检查 Exempt', text: 'neutral600', background: 'neutral150' },
};
const PROBLEMS: Status[] = ['stale', 'empty', 'due-soon'];

const editLink = (documentId: string, locale: string) =>
  `/content-manager/collection-types/api::channel.channel/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;

/** What the 过期日 column says: the date, and how far it is. */
const staleText = (row: Row) => {
  if (!row.staleOn) return row.updateClass === 'topic' ? '不限期 (no period)' : '-';
  if (row.daysLeft !== null && row.daysLeft <= 0) return `${row.staleOn}（已过 ${-row.daysLeft} 天）`;
  return `${row.staleOn}（还剩 ${row.daysLeft} 天）`;
};

const InspectionPage = () => {
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[]>([]);
  const [locale, setLocale] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);

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
        setError((isFetchError(caught) && caught.response?.data?.error?.message) || '检查结果暂不可用 (the report could not be loaded)');
      });
    return () => {
      cancelled = true;
    };
  }, [get, locale]);

  const rows = report ? report.channels.filter((row) => showAll || PROBLEMS.includes(row.status)) : [];
  const summary = report?.summary;

  return (
    <Page.Main>
      <Page.Title>栏目更新检查</Page.Title>
      <Layouts.Header
        title="栏目更新检查"
        subtitle={
          summary
            ? `Channel freshness · ${summary.today}（北京时间）· 过期 ${summary.stale} · 空白 ${summary.empty} · 即将过期 ${summary.dueSoon}（提前 ${summary.warnDays} 天提醒）`
            : 'Channel freshness'
        }
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          {locales.length > 1 && locale ? (
            <Box width="240px">
              <SingleSelect aria-label="语言 Locale" value={locale} onChange={(value: string | number) => setLocale(String(value))}>
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
              onLabel="全部栏目"
              offLabel="问题栏目"
              checked={showAll}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setShowAll(event.target.checked)}
              aria-label="显示全部栏目 Show all channels"
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
              没有过期、空白或即将过期的栏目（{summary?.total} 个栏目已检查）No stale, empty or due-soon channel.
            </Typography>
          </Box>
        ) : (
          <Table colCount={6} rowCount={rows.length + 1} data-testid="inspection-table">
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">状态</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">栏目</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">更新类别</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">最后发布</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">距今天数</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">过期日期</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row) => (
                <Tr key={row.documentId} data-status={row.status}>
                  <Td>
                    <Badge textColor={STATUS[row.status].text} backgroundColor={STATUS[row.status].background}>
                      {STATUS[row.status].label}
                    </Badge>
                  </Td>
                  <Td>
                    <Link tag={RouterLink} to={editLink(row.documentId, report.locale)}>
                      {row.path.join(' > ')}
                    </Link>
                  </Td>
                  <Td>
                    <Typography>{row.classLabel}</Typography>
                  </Td>
                  <Td>
                    <Typography>{row.lastPublishDate ?? '从未发布 never'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{row.daysSince === null ? '-' : `${row.daysSince} 天`}</Typography>
                  </Td>
                  <Td>
                    <Typography>{staleText(row)}</Typography>
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
