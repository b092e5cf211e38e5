// 审核阶段 column in the list view of a type that passes 三审 itself: each row's stage in its
// locale, read as the 审核 panel reads it (POST /admin/newsroom/review/state, which checks the
// caller may read the document).
import { useEffect, useState } from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { reviewMessages } from './messages';

const STAGES = ['draft', 'first', 'second', 'final', 'approved'] as const;
type Stage = (typeof STAGES)[number];
type Row = { documentId: string; locale?: string | null };

const StageCell = ({ model, row }: { model: string; row: Row }) => {
  const { post } = useFetchClient();
  const text = reviewMessages.useText();
  const [stage, setStage] = useState<Stage | 'unknown' | null>(null);
  useEffect(() => {
    let cancelled = false;
    post<{ data: { stage: string } }>('/admin/newsroom/review/state', {
      uid: model,
      documentId: row.documentId,
      locale: row.locale ?? undefined,
    })
      .then(
        ({ data }) =>
          !cancelled && setStage((STAGES as readonly string[]).includes(data.data.stage) ? (data.data.stage as Stage) : 'unknown')
      )
      .catch(() => !cancelled && setStage('unknown'));
    return () => {
      cancelled = true;
    };
  }, [post, model, row.documentId, row.locale]);
  return <Typography textColor="neutral800">{stage === null ? '…' : stage === 'unknown' ? '—' : text(`stage.${stage}`)}</Typography>;
};

type Header = Record<string, unknown>;
type HookArgs = { displayedHeaders: Header[]; layout: unknown };

/** The list view's hook, for the types `reviewed` names (the registry's review: 'own'); the list's URL names the type. */
export const reviewStageColumn =
  (reviewed: () => string[]) =>
  ({ displayedHeaders, layout }: HookArgs): HookArgs => {
    const model = reviewed().find((uid) => window.location.pathname.includes(`/collection-types/${uid}`));
    if (!model) return { displayedHeaders, layout };
    return {
      layout,
      displayedHeaders: [
        ...displayedHeaders,
        {
          attribute: { type: 'string' },
          label: { id: reviewMessages.id('column.stage.list'), defaultMessage: '审核阶段' },
          searchable: false,
          sortable: false,
          name: 'reviewStage',
          cellFormatter: (row: Row) => <StageCell model={model} row={row} />,
        },
      ],
    };
  };
