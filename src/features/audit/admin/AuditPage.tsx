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
import { Layouts, Page, isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { useTypes } from '../../../admin/useTypes';

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

const ACTIONS: Record<string, string> = {
  create: '新建 create',
  update: '修改 update',
  publish: '发布 publish',
  unpublish: '撤销发布 unpublish',
  delete: '删除 delete',
  discardDraft: '放弃草稿 discard draft',
  clone: '复制 clone',
  restore: '恢复版本 restore',
  'stage.move': '流转 stage move',
  override: '确认警告 override',
  'admin.login': '登录 login',
  'admin.login.failed': '登录失败 failed login',
  'admin.logout': '退出 logout',
};
/** Strapi's own types the log names; the project's types and their labels come from the registry. */
const STRAPI_TYPES: Record<string, string> = { 'plugin::upload.file': '文件 File' };
const KINDS: Record<string, string> = { admin: '管理员', 'api-token': 'API 令牌', user: '用户', anonymous: '未登录', system: '系统' };
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

/** Beijing time, as editors read it. */
const when = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const shown = (value: unknown) => {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'object' && value !== null && 'excerpt' in value) return String((value as { excerpt: unknown }).excerpt);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};
/** The kinds of personal number the server masked in a change (the log never keeps them readable). */
const MASKED: Record<string, string> = { 'id-number': '身份证号', 'mobile-number': '手机号码', 'bank-card': '银行卡号' };
const maskedNote = (change: Change) =>
  change.masked?.length ? `（含${change.masked.map((kind) => MASKED[kind] ?? kind).join('、')}，已遮盖）` : '';
const changesText = (changes: Entry['changes']) =>
  Object.entries(changes ?? {})
    .map(([field, change]) =>
      change.redacted ? `${field}: 已修改（不显示）` : `${field}: ${shown(change.before)} → ${shown(change.after)}${maskedNote(change)}`
    )
    .join('\n');

const AuditPage = () => {
  const { get } = useFetchClient();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [pagination, setPagination] = useState<Pagination | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The types with a label in their src/api/<name>/newsroom.ts, then Strapi's own.
  const registry = useTypes();
  const TYPES: Record<string, string> = {
    ...Object.fromEntries((registry ?? []).flatMap((type) => (type.labels ? [[type.uid, `${type.labels.zh} ${type.labels.en}`]] : []))),
    ...STRAPI_TYPES,
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
        setError((isFetchError(caught) && caught.response?.data?.error?.message) || '操作日志暂不可用 (the audit log could not be loaded)');
      });
    return () => {
      cancelled = true;
    };
  }, [get, filters, page]);

  const exportCsv = async () => {
    try {
      const { data } = await get<Blob>(`/admin/newsroom/audit.csv?${queryOf(filters)}`, { responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `操作日志-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (caught) {
      setError((isFetchError(caught) && caught.response?.data?.error?.message) || '导出失败 (the export failed)');
    }
  };

  const set = (key: keyof Filters) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const apply = () => {
    setPage(1);
    setFilters(draft);
  };

  return (
    <Page.Main>
      <Page.Title>操作日志</Page.Title>
      <Layouts.Header
        title="操作日志"
        subtitle={`Audit log · 只读，不能修改或删除 (append-only)${pagination ? ` · 共 ${pagination.total} 条` : ''}`}
        primaryAction={<Button onClick={exportCsv}>导出 CSV Export</Button>}
      />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4} wrap="wrap" alignItems="flex-end">
          <Box width="200px">
            <SingleSelect aria-label="操作 Action" value={draft.action} onChange={(value: string | number) => set('action')(String(value))}>
              <SingleSelectOption value="">全部操作 All actions</SingleSelectOption>
              {Object.entries(ACTIONS).map(([value, label]) => (
                <SingleSelectOption key={value} value={value}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box width="200px">
            <SingleSelect
              aria-label="内容类型 Content type"
              value={draft.targetUid}
              onChange={(value: string | number) => set('targetUid')(String(value))}
            >
              <SingleSelectOption value="">全部类型 All types</SingleSelectOption>
              {Object.entries(TYPES).map(([value, label]) => (
                <SingleSelectOption key={value} value={value}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box width="180px">
            <TextInput
              aria-label="操作人 User"
              placeholder="操作人（姓名或邮箱）"
              value={draft.user}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('user')(event.target.value)}
            />
          </Box>
          <Box width="200px">
            <TextInput
              aria-label="文档 Document"
              placeholder="文档 documentId"
              value={draft.targetDocumentId}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('targetDocumentId')(event.target.value)}
            />
          </Box>
          <Box width="160px">
            <TextInput
              type="date"
              aria-label="起始日期 From"
              value={draft.from}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('from')(event.target.value)}
            />
          </Box>
          <Box width="160px">
            <TextInput
              type="date"
              aria-label="截止日期 To"
              value={draft.to}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('to')(event.target.value)}
            />
          </Box>
          <Button onClick={apply}>查询 Filter</Button>
          <Button
            variant="tertiary"
            onClick={() => {
              setDraft(EMPTY);
              setPage(1);
              setFilters(EMPTY);
            }}
          >
            清除 Clear
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
            <Typography variant="omega">没有符合条件的记录 No entries match.</Typography>
          </Box>
        ) : (
          <Table colCount={6} rowCount={entries.length + 1} data-testid="audit-table">
            <Thead>
              <Tr>
                {['时间（北京）', '操作', '操作人', 'IP', '内容', '变更'].map((heading) => (
                  <Th key={heading}>
                    <Typography variant="sigma">{heading}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {entries.map((entry) => (
                <Tr key={entry.id}>
                  <Td>
                    <Typography>{when(entry.at)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{ACTIONS[entry.action] ?? entry.action}</Typography>
                  </Td>
                  <Td>
                    <Typography title={entry.actorEmail ?? undefined}>
                      {entry.actorName ?? entry.actorEmail ?? '-'}（{KINDS[entry.actorKind] ?? entry.actorKind}）
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
                    <Typography style={{ whiteSpace: 'pre-line' }}>{changesText(entry.changes)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {pagination && pagination.pageCount > 1 ? (
          <Flex gap={2} paddingTop={4} justifyContent="flex-end" alignItems="center">
            <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Typography>
              {page} / {pagination.pageCount}
            </Typography>
            <Button variant="tertiary" disabled={page >= pagination.pageCount} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </Flex>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};

export default AuditPage;
