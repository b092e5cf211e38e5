// 操作日志: the audit trail from GET /admin/newsroom/audit, filtered by action, user,
// content type, document and dates, a page at a time, and exported as CSV for Excel
// (GET /admin/newsroom/audit.csv with the same filters). Read-only: nothing here or on
// the server edits an entry.
import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Layouts, Page, isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { useDateTime, useTypes, useAdminLanguage } from '../../../admin/useTypes';
import { auditMessages } from './messages';

type Change = { before?: unknown; after?: unknown; redacted?: true; masked?: string[] };
type Entry = {
  id: number;
  action: string;
  at: string;
  targetUid: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
  targetTitle: string | null;
  changes: Record<string, Change> | null;
  actorKind: string;
  actorName: string | null;
  actorEmail: string | null;
  ip: string | null;
};
type Pagination = { page: number; pageSize: number; total: number; pageCount: number };
type Filters = { action: string; user: string; targetUid: string; targetDocumentId: string; from: string; to: string };

const ACTIONS = [
  'create',
  'update',
  'publish',
  'unpublish',
  'delete',
  'discardDraft',
  'clone',
  'restore',
  'stage.move',
  'override',
  'admin.login',
  'admin.login.failed',
  'admin.logout',
] as const;
const KINDS = ['admin', 'api-token', 'user', 'anonymous', 'system'] as const;
const STAGES = ['draft', 'first', 'second', 'final', 'approved'] as const;
const MASKED = ['id-number', 'mobile-number', 'bank-card'] as const;
const known = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);
type Text = ReturnType<typeof auditMessages.useText>;
const EMPTY: Filters = { action: '', user: '', targetUid: '', targetDocumentId: '', from: '', to: '' };
const PAGE_SIZE = 25;

const queryOf = (filters: Filters, page?: number) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  if (page) {
    params.set('page', String(page));
    params.set('pageSize', String(PAGE_SIZE));
  }
  return params.toString();
};

const actionName = (text: Text, action: string) => (known(ACTIONS, action) ? text(`action.${action}`) : action);

const shown = (text: Text, value: unknown) => {
  if (value === null || value === undefined) return text('empty');
  if (typeof value === 'object' && value !== null && 'excerpt' in value) return String((value as { excerpt: unknown }).excerpt);
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  return raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
};

/**
 * A logged change, line by line, in the admin's language: a field by its label in the content
 * manager (review events' stage and comment by theirs), a review stage by its name, and the
 * kinds of personal number the server masked (the log never keeps them readable).
 */
const useChangesText = () => {
  const text = auditMessages.useText();
  const { formatMessage, messages } = useIntl();
  return (uid: string | null, changes: Entry['changes']) => {
    const fieldName = (field: string) => {
      if (field === 'stage' || field === 'comment') return text(`field.${field}`);
      const id = `content-manager.content-types.${uid}.${field}`;
      return uid && messages[id] ? formatMessage({ id }) : field;
    };
    const value = (field: string, raw: unknown) =>
      field === 'stage' && typeof raw === 'string' && known(STAGES, raw) ? text(`stage.${raw}`) : shown(text, raw);
    const maskedNote = (change: Change) =>
      change.masked?.length
        ? text('masked.note', {
            kinds: change.masked.map((kind) => (known(MASKED, kind) ? text(`masked.${kind}`) : kind)).join(text('masked.separator')),
          })
        : '';
    return Object.entries(changes ?? {})
      .map(([field, change]) =>
        change.redacted
          ? `${fieldName(field)}: ${text('redacted')}`
          : `${fieldName(field)}: ${value(field, change.before)} → ${value(field, change.after)}${maskedNote(change)}`
      )
      .join('\n');
  };
};

const AuditPage = () => {
  const { get } = useFetchClient();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [pagination, setPagination] = useState<Pagination | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = auditMessages.useText();
  const when = useDateTime();
  const changesText = useChangesText();
  const language = useAdminLanguage();
  // The types with a label in their src/api/<name>/newsroom.ts, then Strapi's own.
  const registry = useTypes();
  const TYPES: Record<string, string> = {
    ...Object.fromEntries((registry ?? []).flatMap((type) => (type.labels ? [[type.uid, type.labels[language]]] : []))),
    'plugin::upload.file': text('type.file'),
  };

  useEffect(() => {
    let cancelled = false;
    setEntries(null);
    setError(null);
    get<{ data: Entry[]; meta: { pagination: Pagination } }>(`/admin/newsroom/audit?${queryOf(filters, page)}`)
      .then(({ data }) => {
        if (cancelled) return;
        setEntries(data.data);
        setPagination(data.meta.pagination);
      })
      .catch((caught) => {
        if (cancelled) return;
        setError((isFetchError(caught) && caught.response?.data?.error?.message) || text('unavailable'));
      });
    return () => {
      cancelled = true;
    };
  }, [get, filters, page, text]);

  const exportCsv = async () => {
    try {
      const { data } = await get<Blob>(`/admin/newsroom/audit.csv?${queryOf(filters)}`, { responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${text('file')}-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (caught) {
      setError((isFetchError(caught) && caught.response?.data?.error?.message) || text('export.failed'));
    }
  };

  const set = (key: keyof Filters) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const apply = () => {
    setPage(1);
    setFilters(draft);
  };

  return (
    <Page.Main>
      <Page.Title>{text('menu')}</Page.Title>
      <Layouts.Header
        title={text('menu')}
        subtitle={pagination ? text('total', { total: pagination.total }) : text('subtitle')}
        primaryAction={<Button onClick={exportCsv}>{text('export')}</Button>}
      />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4} wrap="wrap" alignItems="flex-end">
          <Box width="200px">
            <SingleSelect
              aria-label={text('filter.action')}
              value={draft.action}
              onChange={(value: string | number) => set('action')(String(value))}
            >
              <SingleSelectOption value="">{text('filter.allActions')}</SingleSelectOption>
              {ACTIONS.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {actionName(text, value)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box width="200px">
            <SingleSelect
              aria-label={text('filter.type')}
              value={draft.targetUid}
              onChange={(value: string | number) => set('targetUid')(String(value))}
            >
              <SingleSelectOption value="">{text('filter.allTypes')}</SingleSelectOption>
              {Object.entries(TYPES).map(([value, label]) => (
                <SingleSelectOption key={value} value={value}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box width="180px">
            <TextInput
              aria-label={text('filter.user')}
              placeholder={text('filter.userPlaceholder')}
              value={draft.user}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('user')(event.target.value)}
            />
          </Box>
          <Box width="200px">
            <TextInput
              aria-label={text('filter.document')}
              placeholder={text('filter.documentPlaceholder')}
              value={draft.targetDocumentId}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('targetDocumentId')(event.target.value)}
            />
          </Box>
          <Box width="160px">
            <TextInput
              type="date"
              aria-label={text('filter.from')}
              value={draft.from}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('from')(event.target.value)}
            />
          </Box>
          <Box width="160px">
            <TextInput
              type="date"
              aria-label={text('filter.to')}
              value={draft.to}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('to')(event.target.value)}
            />
          </Box>
          <Button onClick={apply}>{text('filter.apply')}</Button>
          <Button
            variant="tertiary"
            onClick={() => {
              setDraft(EMPTY);
              setPage(1);
              setFilters(EMPTY);
            }}
          >
            {text('filter.clear')}
          </Button>
        </Flex>
        {error ? (
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        ) : !entries ? (
          <Page.Loading />
        ) : entries.length === 0 ? (
          <Box padding={6} background="neutral0" hasRadius shadow="tableShadow">
            <Typography variant="omega">{text('nothing')}</Typography>
          </Box>
        ) : (
          <Table colCount={6} rowCount={entries.length + 1} data-testid="audit-table">
            <Thead>
              <Tr>
                {(['column.at', 'column.action', 'column.actor', 'column.ip', 'column.target', 'column.changes'] as const).map(
                  (heading) => (
                    <Th key={heading}>
                      <Typography variant="sigma">{text(heading)}</Typography>
                    </Th>
                  )
                )}
              </Tr>
            </Thead>
            <Tbody>
              {entries.map((entry) => (
                <Tr key={entry.id}>
                  <Td>
                    <Typography>{when(entry.at, true)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{actionName(text, entry.action)}</Typography>
                  </Td>
                  <Td>
                    <Typography title={entry.actorEmail ?? undefined}>
                      {entry.actorName ?? entry.actorEmail ?? '-'}（
                      {known(KINDS, entry.actorKind) ? text(`kind.${entry.actorKind}`) : entry.actorKind}）
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{entry.ip ?? '-'}</Typography>
                  </Td>
                  <Td>
                    <Typography title={entry.targetDocumentId ?? undefined}>
                      {entry.targetUid
                        ? `${TYPES[entry.targetUid] ?? entry.targetUid}${entry.targetLocale ? ` [${entry.targetLocale}]` : ''}`
                        : '-'}
                      {entry.targetTitle ? `：${entry.targetTitle}` : ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography style={{ whiteSpace: 'pre-line' }}>{changesText(entry.targetUid, entry.changes)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {pagination && pagination.pageCount > 1 ? (
          <Flex gap={2} paddingTop={4} justifyContent="flex-end" alignItems="center">
            <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {text('previous')}
            </Button>
            <Typography>
              {page} / {pagination.pageCount}
            </Typography>
            <Button variant="tertiary" disabled={page >= pagination.pageCount} onClick={() => setPage(page + 1)}>
              {text('next')}
            </Button>
          </Flex>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};

export default AuditPage;
