// Edit-view side panel: 版本记录. Lists the versions of this document in this locale (newest
// first: when, who, 已发布/草稿, what changed), compares any two side by side in a wide
// dialog (changes marked by colour and by marks: ＋ underlined, － struck through, ↕ moved),
// and restores one as the draft after a confirmation. The server decides who sees what: the
// list is the content manager's read right on this document, a restore its edit right.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Checkbox, Dialog, Flex, Modal, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useTypes } from '../../../admin/useTypes';

type State = 'published' | 'draft';
type Version = {
  id: number;
  at: string;
  actorName: string | null;
  state: State;
  personalData: boolean;
  previous?: number | null;
  changed: string[];
};
type FieldMeta = { name: string; kind: string; label: string | null };
type WordOp = { op: 'equal' | 'insert' | 'delete'; text: string };
type Paragraph = { op: 'equal' | 'insert' | 'delete'; text: string } | { op: 'change'; before: string; after: string; words: WordOp[] };
type FieldDiff = {
  field: string;
  kind: string;
  before: unknown;
  after: unknown;
  changed: boolean;
  words?: WordOp[];
  paragraphs?: Paragraph[];
  relation?: { added: string[]; removed: string[]; moved: string[] };
};
type Diff = {
  version: Version;
  against: Version | null;
  personalData: boolean;
  fields: FieldDiff[];
  labels: Record<string, string>;
};
type PanelProps = { model: string; documentId?: string; document?: { locale?: string | null; updatedAt?: string | null } };

const INS = { background: '#e3f7e8', color: '#05603a', textDecoration: 'underline', textDecorationThickness: '2px' } as const;
const DEL = { background: '#fde8e8', color: '#b42318', textDecoration: 'line-through' } as const;

/** A change marked by colour and by a sign a colour-blind reader or a printout still shows. */
const Ins = ({ children }: { children: ReactNode }) => (
  <ins style={INS} data-mark="insert">
    ＋{children}
  </ins>
);
const Del = ({ children }: { children: ReactNode }) => (
  <del style={DEL} data-mark="delete">
    －{children}
  </del>
);

const Words = ({ words, side }: { words: WordOp[]; side: 'before' | 'after' }) => (
  <>
    {words.map((word, index) =>
      word.op === 'equal' ? (
        <span key={index}>{word.text}</span>
      ) : word.op === 'delete' && side === 'before' ? (
        <Del key={index}>{word.text}</Del>
      ) : word.op === 'insert' && side === 'after' ? (
        <Ins key={index}>{word.text}</Ins>
      ) : null
    )}
  </>
);

const Cell = ({ children, changed }: { children: ReactNode; changed?: boolean }) => (
  <td
    style={{
      verticalAlign: 'top',
      padding: '8px 12px',
      borderTop: '1px solid #eaeaef',
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
      background: changed ? '#fffbea' : undefined,
    }}
  >
    {children}
  </td>
);

const Compare = ({ diff, fields, onlyChanged }: { diff: Diff; fields: FieldMeta[]; onlyChanged: boolean }) => {
  const { formatMessage, locale } = useIntl();
  const t = (id: string, values?: Record<string, ReactNode>) => formatMessage({ id }, values as never) as string;
  const labelOf = (name: string) => (locale.startsWith('zh') ? (fields.find((f) => f.name === name)?.label ?? name) : name);
  const empty = <Typography textColor="neutral500">{t('newsroom.versions.empty.value')}</Typography>;
  const plain = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    if (typeof value === 'object') return JSON.stringify(value, null, 1);
    return String(value);
  };
  const fileName = (file: unknown) => {
    const f = file as { name?: string; id?: number } | null;
    return f ? `${f.name ?? ''} #${f.id ?? ''}` : '';
  };
  const list = (value: unknown) => ([] as unknown[]).concat(value ?? []);

  const rows: ReactNode[] = [];
  for (const field of diff.fields) {
    if (onlyChanged && !field.changed) continue;
    const head = (
      <Cell changed={field.changed}>
        <Typography fontWeight="bold">{labelOf(field.field)}</Typography>
      </Cell>
    );
    if (field.kind === 'blocks' && field.paragraphs) {
      const paragraphs = onlyChanged ? field.paragraphs.filter((p) => p.op !== 'equal') : field.paragraphs;
      paragraphs.forEach((p, index) => {
        const before =
          p.op === 'change' ? (
            <Words words={p.words} side="before" />
          ) : p.op === 'delete' ? (
            <Del>{p.text}</Del>
          ) : p.op === 'equal' ? (
            p.text
          ) : null;
        const after =
          p.op === 'change' ? (
            <Words words={p.words} side="after" />
          ) : p.op === 'insert' ? (
            <Ins>{p.text}</Ins>
          ) : p.op === 'equal' ? (
            p.text
          ) : null;
        rows.push(
          <tr key={`${field.field}-${index}`} data-testid="versions-row">
            {index === 0 ? head : <Cell changed={field.changed}> </Cell>}
            <Cell changed={p.op !== 'equal'}>{before}</Cell>
            <Cell changed={p.op !== 'equal'}>{after}</Cell>
          </tr>
        );
      });
      if (paragraphs.length === 0)
        rows.push(
          <tr key={field.field} data-testid="versions-row">
            {head}
            <Cell>{empty}</Cell>
            <Cell>{empty}</Cell>
          </tr>
        );
      continue;
    }
    let before: ReactNode = plain(field.before) || empty;
    let after: ReactNode = plain(field.after) || empty;
    if (field.kind === 'relation' || field.kind === 'media') {
      const name = (id: unknown) => (field.kind === 'media' ? fileName(id) : (diff.labels[String(id)] ?? String(id)));
      const idOf = (item: unknown) => String(field.kind === 'media' ? (item as { id?: number } | null)?.id : item);
      const rel = field.relation ?? { added: [], removed: [], moved: [] };
      const beforeItems = list(field.before);
      const afterItems = list(field.after);
      before = beforeItems.length
        ? beforeItems.map((item) => <div key={idOf(item)}>{rel.removed.includes(idOf(item)) ? <Del>{name(item)}</Del> : name(item)}</div>)
        : empty;
      after = afterItems.length
        ? afterItems.map((item) => (
            <div key={idOf(item)}>
              {rel.added.includes(idOf(item)) ? (
                <Ins>{name(item)}</Ins>
              ) : rel.moved.includes(idOf(item)) ? (
                <span style={{ background: '#eef1ff', fontWeight: 600 }} data-mark="moved" title={t('newsroom.versions.moved')}>
                  ↕{name(item)}
                </span>
              ) : field.changed && field.kind === 'media' ? (
                <Ins>{name(item)}</Ins>
              ) : (
                name(item)
              )}
            </div>
          ))
        : empty;
    } else if (field.changed && field.words) {
      before = field.before ? <Words words={field.words} side="before" /> : empty;
      after = field.after ? <Words words={field.words} side="after" /> : empty;
    } else if (field.changed) {
      before = plain(field.before) ? <Del>{plain(field.before)}</Del> : empty;
      after = plain(field.after) ? <Ins>{plain(field.after)}</Ins> : empty;
    }
    rows.push(
      <tr key={field.field} data-testid="versions-row">
        {head}
        <Cell changed={field.changed}>{before}</Cell>
        <Cell changed={field.changed}>{after}</Cell>
      </tr>
    );
  }
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: 14, lineHeight: 1.6 }}>
      <colgroup>
        <col style={{ width: '14%' }} />
        <col style={{ width: '43%' }} />
        <col style={{ width: '43%' }} />
      </colgroup>
      <thead>
        <tr>
          <th style={{ textAlign: 'left', padding: '8px 12px' }}>{t('newsroom.versions.field')}</th>
          <th style={{ textAlign: 'left', padding: '8px 12px' }}>
            {diff.against
              ? t('newsroom.versions.before', {
                  id: diff.against.id,
                  at: new Date(diff.against.at).toLocaleString(locale),
                  who: diff.against.actorName ?? '',
                })
              : t('newsroom.versions.first')}
          </th>
          <th style={{ textAlign: 'left', padding: '8px 12px' }}>
            {t('newsroom.versions.after', {
              id: diff.version.id,
              at: new Date(diff.version.at).toLocaleString(locale),
              who: diff.version.actorName ?? '',
            })}
          </th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
};

const Versions = ({ model, documentId, locale, version }: { model: string; documentId: string; locale: string; version: string }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage, locale: language } = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id }, values);
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [fields, setFields] = useState<FieldMeta[]>([]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [restoring, setRestoring] = useState<Version | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = useCallback(
    (error: unknown) =>
      toggleNotification({
        type: 'warning',
        message: (isFetchError(error) && error.response?.data?.error?.message) || formatMessage({ id: 'newsroom.versions.failed' }),
      }),
    [toggleNotification, formatMessage]
  );

  const load = useCallback(async () => {
    try {
      const query = new URLSearchParams({ uid: model, documentId, locale }).toString();
      const { data } = await get<{ data: Version[]; meta: { fields: FieldMeta[] } }>(`/admin/newsroom/versions?${query}`);
      setVersions(data.data);
      setFields(data.meta.fields);
      setChosen((ids) => ids.filter((id) => data.data.some((v) => v.id === id)));
    } catch (error) {
      fail(error);
    }
  }, [get, model, documentId, locale, fail]);

  // Again after every save: each save is a version.
  useEffect(() => {
    void load();
  }, [load, version]);

  const labelOf = useMemo(
    () => (name: string) => (language.startsWith('zh') ? (fields.find((f) => f.name === name)?.label ?? name) : name),
    [fields, language]
  );

  const compare = async () => {
    const [newer, older] = [...chosen].sort((a, b) => b - a);
    setBusy(true);
    try {
      const { data } = await get<{ data: Diff }>(`/admin/newsroom/versions/${newer}/diff?against=${older}`);
      setDiff(data.data);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (target: Version) => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { missing: string[] } }>(`/admin/newsroom/versions/${target.id}/restore`, { documentId, locale });
      const missing = data.data.missing.length
        ? ` ${t('newsroom.versions.restoredMissing', { missing: data.data.missing.join('、') })}`
        : '';
      toggleNotification({ type: 'success', message: `${t('newsroom.versions.restored', { id: target.id })}${missing}` });
      // The edit view's form holds the old draft: read the restored one.
      window.location.reload();
    } catch (error) {
      fail(error);
      setBusy(false);
    }
  };

  if (!versions) return <Typography variant="pi">{t('newsroom.versions.loading')}</Typography>;
  const at = (v: Version) => new Date(v.at).toLocaleString(language);
  const toggle = (id: number, on: boolean) =>
    setChosen((ids) => (on ? [...ids.filter((x) => x !== id), id].slice(-2) : ids.filter((x) => x !== id)));

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="versions-panel">
      {versions.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('newsroom.versions.empty')}
        </Typography>
      ) : (
        <>
          <Button size="S" variant="secondary" disabled={chosen.length !== 2 || busy} onClick={() => void compare()}>
            {t('newsroom.versions.compare')}
          </Button>
          {chosen.length !== 2 && (
            <Typography variant="pi" textColor="neutral600">
              {t('newsroom.versions.compareHint')}
            </Typography>
          )}
          <Box style={{ maxHeight: 420, overflowY: 'auto' }}>
            <Flex direction="column" alignItems="stretch" gap={2}>
              {versions.map((v) => (
                <Box key={v.id} padding={2} hasRadius background="neutral100" data-testid="versions-item">
                  <Flex gap={2} alignItems="flex-start">
                    <Checkbox
                      aria-label={t('newsroom.versions.choose', { version: `#${v.id}` })}
                      checked={chosen.includes(v.id)}
                      onCheckedChange={(on: boolean | 'indeterminate') => toggle(v.id, on === true)}
                    />
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Flex gap={1} wrap="wrap">
                        <Typography variant="pi" fontWeight="bold">
                          #{v.id}
                        </Typography>
                        <Badge
                          textColor={v.state === 'published' ? 'success700' : 'neutral700'}
                          backgroundColor={v.state === 'published' ? 'success100' : 'neutral150'}
                        >
                          {t(`newsroom.versions.${v.state}`)}
                        </Badge>
                        {v.personalData && (
                          <Badge textColor="danger700" backgroundColor="danger100" title={t('newsroom.versions.personalDataNote')}>
                            {t('newsroom.versions.personalData')}
                          </Badge>
                        )}
                      </Flex>
                      <Typography variant="pi" textColor="neutral600">
                        {at(v)} · {v.actorName ?? ''}
                      </Typography>
                      <Typography variant="pi">
                        {v.previous === null
                          ? t('newsroom.versions.first')
                          : v.changed.length
                            ? t('newsroom.versions.changed', { fields: v.changed.map(labelOf).join('、') })
                            : t('newsroom.versions.nothingChanged')}
                      </Typography>
                      <Button size="S" variant="tertiary" disabled={busy} onClick={() => setRestoring(v)}>
                        {t('newsroom.versions.restore')}
                      </Button>
                    </Flex>
                  </Flex>
                </Box>
              ))}
            </Flex>
          </Box>
        </>
      )}

      <Modal.Root open={diff !== null} onOpenChange={(open: boolean) => !open && setDiff(null)}>
        <Modal.Content style={{ width: 'min(1400px, 96vw)', maxWidth: 'none' }} data-testid="versions-compare">
          <Modal.Header>
            <Modal.Title>{t('newsroom.versions.compareTitle')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            {diff && (
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Flex gap={3} wrap="wrap" alignItems="center">
                  <Checkbox checked={onlyChanged} onCheckedChange={(on: boolean | 'indeterminate') => setOnlyChanged(on === true)}>
                    {t('newsroom.versions.onlyChanged')}
                  </Checkbox>
                  <Typography variant="pi" textColor="neutral600">
                    {t('newsroom.versions.legend')}
                  </Typography>
                </Flex>
                {diff.personalData && (
                  <Box padding={2} hasRadius background="danger100">
                    <Typography variant="pi" textColor="danger700">
                      {t('newsroom.versions.personalDataNote')}
                    </Typography>
                  </Box>
                )}
                <Compare diff={diff} fields={fields} onlyChanged={onlyChanged} />
              </Flex>
            )}
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('newsroom.versions.close')}</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>

      <Dialog.Root open={restoring !== null} onOpenChange={(open: boolean) => !open && setRestoring(null)}>
        <Dialog.Content>
          <Dialog.Header>{t('newsroom.versions.restoreTitle')}</Dialog.Header>
          <Dialog.Body>
            <Typography>{restoring ? t('newsroom.versions.restoreBody', { id: restoring.id, at: at(restoring) }) : ''}</Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('newsroom.versions.cancel')}</Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button variant="danger-light" disabled={busy} onClick={() => restoring && void restore(restoring)}>
                {t('newsroom.versions.restoreConfirm')}
              </Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Flex>
  );
};

export const VersionsPanel = ({ model, documentId, document }: PanelProps) => {
  const { search } = useLocation();
  const { formatMessage } = useIntl();
  // The declared types keep versions (all have draft & publish); the server refuses others.
  const versioned = useTypes()?.some((type) => type.uid === model && type.versioned);
  if (!versioned || !documentId) return null;
  const locale = new URLSearchParams(search).get('plugins[i18n][locale]') ?? document?.locale ?? 'zh-Hans';
  return {
    title: formatMessage({ id: 'newsroom.versions.title' }),
    content: <Versions model={model} documentId={documentId} locale={locale} version={document?.updatedAt ?? ''} />,
  };
};
