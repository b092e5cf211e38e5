// 点击率 column in the article list view: each row's total from the public click endpoint.
// A row never published (status 'draft': no published version) has no clicks to ask for:
// the public endpoint answers 404 for it, as it must (readers learn nothing of drafts).
import { useEffect, useState } from 'react';
import { Typography } from '@strapi/design-system';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { clickMessages } from './messages';

const ClickCell = ({ documentId }: { documentId: string }) => {
  const [total, setTotal] = useState<string>('…');
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/articles/${documentId}/clicks`)
      .then(async (res) => {
        if (cancelled) return;
        setTotal(res.ok ? String(((await res.json()) as { data: { total: number } }).data.total) : '—');
      })
      .catch(() => !cancelled && setTotal('—'));
    return () => {
      cancelled = true;
    };
  }, [documentId]);
  return <Typography textColor="neutral800">{total}</Typography>;
};

type Header = Record<string, unknown>;
type HookArgs = { displayedHeaders: Header[]; layout: unknown };
type Row = { documentId: string; status?: string };

/** Whether a list row has a published version (the content manager's status: draft, published or modified). */
export const hasPublishedVersion = (row: Row) => row.status === 'published' || row.status === 'modified';

export const addClickColumn = ({ displayedHeaders, layout }: HookArgs): HookArgs => {
  // The hook receives no model uid; the list's own URL names it.
  if (!window.location.pathname.includes(ARTICLE_UID)) return { displayedHeaders, layout };
  return {
    layout,
    displayedHeaders: [
      ...displayedHeaders,
      {
        attribute: { type: 'integer' },
        label: { id: clickMessages.id('column'), defaultMessage: '点击率' },
        searchable: false,
        sortable: false,
        name: 'clickCount',
        cellFormatter: (row: Row) =>
          hasPublishedVersion(row) ? <ClickCell documentId={row.documentId} /> : <Typography textColor="neutral600">—</Typography>,
      },
    ],
  };
};
