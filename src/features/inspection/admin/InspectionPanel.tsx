// Edit-view side panel: 发布检查. Runs the publish checks on the saved draft (again after
// every save), lists each finding with its field and text, and offers the one-click fix
// (mask a number, write the correct form) and, for a 终审, accepting a warning with a
// reason. What it shows is what the publish guard will refuse. A fix reaches the open form
// (see useFixReachesForm); a stale form's save is refused by the server (409).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Badge, Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { isFetchError, unstable_useDocument, useFetchClient, useForm, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useTypes } from '../../../admin/useTypes';
import { inspectionMessages } from './messages';

type Text = ReturnType<typeof inspectionMessages.useText>;
const RULES = [
  'forbidden-word',
  'sensitive-word',
  'misspelling',
  'id-number',
  'mobile-number',
  'bank-card',
  'broken-link',
  'missing-fact',
  'future-date',
  'review-stage',
  'type-rule',
] as const;
const ruleName = (text: Text, rule: string) =>
  (RULES as readonly string[]).includes(rule) ? text(`rule.${rule as (typeof RULES)[number]}`) : rule;

type Finding = {
  id: string;
  rule: string;
  severity: 'block' | 'warn';
  field: string;
  match: string;
  message: string;
  suggestion?: string;
  fixable?: boolean;
  accepted?: { reason: string; by: string; at: string };
};
type Result = { findings: Finding[]; blocking: number; canAccept: boolean };
type PanelProps = {
  model: string;
  collectionType: string;
  activeTab: 'draft' | 'published' | null;
  documentId?: string;
  document?: { locale?: string | null; updatedAt?: string | null };
};

const Item = ({
  finding,
  busy,
  canAccept,
  onFix,
  onAccept,
}: {
  finding: Finding;
  busy: boolean;
  canAccept: boolean;
  onFix: () => void;
  onAccept: (reason: string) => void;
}) => {
  const [reason, setReason] = useState('');
  const [accepting, setAccepting] = useState(false);
  const text = inspectionMessages.useText();
  const tone = finding.accepted ? 'neutral' : finding.severity === 'block' ? 'danger' : 'warning';
  return (
    <Box padding={2} hasRadius borderColor={`${tone}200`} background={`${tone}100`} data-testid="inspection-finding">
      <Flex gap={2} alignItems="center">
        <Badge>{ruleName(text, finding.rule)}</Badge>
        <Typography variant="pi" textColor="neutral600">
          {finding.field}
        </Typography>
      </Flex>
      <Typography variant="pi" tag="p">
        {finding.message}
      </Typography>
      {finding.accepted && (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {text('acceptedBy', { by: finding.accepted.by, reason: finding.accepted.reason })}
        </Typography>
      )}
      <Flex gap={2} paddingTop={1} wrap="wrap">
        {finding.fixable && finding.suggestion !== undefined && (
          <Button size="S" variant="secondary" onClick={onFix} disabled={busy}>
            {finding.rule.endsWith('-number') || finding.rule === 'bank-card'
              ? text('mask')
              : text('replace', { suggestion: finding.suggestion })}
          </Button>
        )}
        {finding.severity === 'warn' && !finding.accepted && canAccept && !accepting && (
          <Button size="S" variant="tertiary" onClick={() => setAccepting(true)} disabled={busy}>
            {text('accept')}
          </Button>
        )}
      </Flex>
      {accepting && (
        <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
          <TextInput
            aria-label={text('reason')}
            placeholder={text('reasonRequired')}
            value={reason}
            onChange={(e: { target: { value: string } }) => setReason(e.target.value)}
          />
          <Button size="S" onClick={() => onAccept(reason)} disabled={busy || reason.trim() === ''}>
            {text('confirm')}
          </Button>
        </Flex>
      )}
    </Box>
  );
};

/** The query the edit view loads its document with (the content manager's buildValidParams): plugin options flattened. */
const documentParams = (query: Record<string, unknown> | undefined) => {
  if (!query) return query;
  const { plugins, ...rest } = query as { plugins?: Record<string, unknown> };
  const flattened = Object.values(plugins ?? {}).reduce<Record<string, unknown>>(
    (acc, options) => (options && typeof options === 'object' ? Object.assign(acc, options) : acc),
    {}
  );
  return { ...rest, ...flattened };
};

/**
 * After a one-click fix, the open form shows the fixed draft: with nothing unsaved, the edit
 * view's document is loaded again (the form takes it over); with unsaved edits, the editor is
 * told that saving them would be refused, rather than their edits being replaced.
 */
const useFixReachesForm = (model: string, collectionType: string, documentId: string, activeTab: PanelProps['activeTab']) => {
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = useMemo(() => documentParams(query), [query]);
  // The same query as the edit view's: refetching it refreshes the edit view's document.
  const { refetch } = unstable_useDocument({ documentId, model, collectionType, params }, { skip: activeTab === 'published' });
  const modified = useForm('InspectionPanel', (state) => state.modified);
  const text = inspectionMessages.useText();
  return async (notify: (type: 'success' | 'warning', message: string) => void) => {
    if (modified) {
      notify('warning', text('fix.unsaved'));
      return;
    }
    await refetch();
    notify('success', text('fix.done'));
  };
};

const Checks = ({
  model,
  collectionType,
  activeTab,
  documentId,
  locale,
  version,
}: {
  model: string;
  collectionType: string;
  activeTab: PanelProps['activeTab'];
  documentId: string;
  locale: string;
  version: string;
}) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const showFix = useFixReachesForm(model, collectionType, documentId, activeTab);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const text = inspectionMessages.useText();

  const call = useCallback(
    async (path: string, extra: object = {}) => {
      setBusy(true);
      try {
        const { data } = await post<{ data: Result }>(`/admin/newsroom/inspection/${path}`, { uid: model, documentId, locale, ...extra });
        setResult(data.data);
        return true;
      } catch (error) {
        toggleNotification({
          type: 'warning',
          message: (isFetchError(error) && error.response?.data?.error?.message) || text('failed'),
        });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [post, toggleNotification, model, documentId, locale, text]
  );

  // Again after every save: the document's updatedAt changes.
  useEffect(() => {
    void call('check');
  }, [call, version]);

  if (!result) return <Typography variant="pi">{text('checking')}</Typography>;
  const accepted = result.findings.some((finding) => finding.accepted);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="inspection-panel">
      <Typography variant="pi" textColor={result.blocking ? 'danger600' : 'success600'} fontWeight="bold">
        {result.blocking ? text('blocking', { count: result.blocking }) : accepted ? text('acceptedOnly') : text('passed')}
      </Typography>
      {result.findings.map((finding, index) => (
        <Item
          key={`${finding.id}-${index}`}
          finding={finding}
          busy={busy}
          canAccept={result.canAccept}
          onFix={async () => {
            if (await call('fix', { findingId: finding.id })) {
              await showFix((type, message) => toggleNotification({ type, message }));
            }
          }}
          onAccept={(reason) => void call('accept', { findingId: finding.id, reason })}
        />
      ))}
      <Button variant="tertiary" size="S" onClick={() => void call('check')} loading={busy}>
        {text('again')}
      </Button>
    </Flex>
  );
};

export const InspectionPanel = ({ model, collectionType, activeTab, documentId, document }: PanelProps) => {
  const { search } = useLocation();
  const text = inspectionMessages.useText();
  // The types src/api/<name>/newsroom.ts declares `inspect` for (the server refuses others), from the registry.
  const inspected = useTypes()?.some((type) => type.uid === model && type.inspected);
  if (!inspected || !documentId) return null;
  const locale = new URLSearchParams(search).get('plugins[i18n][locale]') ?? document?.locale ?? 'zh-Hans';
  return {
    title: text('panel.title'),
    content: (
      <Checks
        model={model}
        collectionType={collectionType}
        activeTab={activeTab}
        documentId={documentId}
        locale={locale}
        version={document?.updatedAt ?? ''}
      />
    ),
  };
};
