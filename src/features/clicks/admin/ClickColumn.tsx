// 点击率 column in the article list view: each row's total from the public click endpoint.
import { useEffect, useState } from 'react';
import { Typography } from '@strapi/design-system';
import { ARTICLE_UID } from '../../../api/article/newsroom';

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

export const addClickColumn = ({ displayedHeaders, layout }: HookArgs): HookArgs => {
  // The hook receives no model uid; the list's own URL names it.
  if (!window.location.pathname.includes(ARTICLE_UID)) return { displayedHeaders, layout };
  return {
    layout,
    displayedHeaders: [
      ...displayedHeaders,
      {
        attribute: { type: 'integer' },
        label: { id: 'newsroom.list.clicks', defaultMessage: '点击率 Clicks' },
        searchable: false,
        sortable: false,
        name: 'clickCount',
        cellFormatter: (row: { documentId: string }) => <ClickCell documentId={row.documentId} />,
      },
    ],
  };
};
