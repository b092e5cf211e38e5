// Edit-view side panel of an article: its 点击率 (total, today, a 30-day sparkline),
// read from the same public endpoint front ends use.
import { useEffect, useState } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { clickMessages } from './messages';

type Stats = { total: number; today: number; days: Array<{ date: string; count: number }> };
type PanelProps = { model: string; documentId?: string; document?: { status?: string } };

const Sparkline = ({ days }: { days: Stats['days'] }) => {
  const text = clickMessages.useText();
  const width = 200;
  const height = 36;
  const max = Math.max(1, ...days.map((day) => day.count));
  const step = days.length > 1 ? width / (days.length - 1) : width;
  const points = days.map((day, i) => `${(i * step).toFixed(1)},${(height - (day.count / max) * (height - 2) - 1).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={text('trend')}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
};

const ClickStats = ({ documentId, published }: { documentId: string; published: boolean }) => {
  const [stats, setStats] = useState<Stats | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'unpublished' | 'error'>(published ? 'loading' : 'unpublished');
  const text = clickMessages.useText();

  useEffect(() => {
    // Never published: nothing to count, and the public endpoint rightly answers 404.
    if (!published) return setState('unpublished');
    let cancelled = false;
    fetch(`/api/articles/${documentId}/clicks`)
      .then(async (res) => {
        if (cancelled) return;
        if (res.status === 404) return setState('unpublished');
        if (!res.ok) return setState('error');
        setStats(((await res.json()) as { data: Stats }).data);
        setState('ready');
      })
      .catch(() => !cancelled && setState('error'));
    return () => {
      cancelled = true;
    };
  }, [documentId, published]);

  if (state === 'loading') return <Typography variant="pi">…</Typography>;
  if (state === 'unpublished') return <Typography variant="pi">{text('unpublished')}</Typography>;
  if (state === 'error' || !stats) return <Typography variant="pi">{text('unavailable')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Flex justifyContent="space-between">
        <Typography variant="omega">{text('total')}</Typography>
        <Typography variant="omega" fontWeight="bold" data-testid="click-total">
          {stats.total.toLocaleString()}
        </Typography>
      </Flex>
      <Flex justifyContent="space-between">
        <Typography variant="omega">{text('today')}</Typography>
        <Typography variant="omega" fontWeight="bold">
          {stats.today.toLocaleString()}
        </Typography>
      </Flex>
      <Box color="primary600">
        <Sparkline days={stats.days} />
      </Box>
    </Flex>
  );
};

export const ClickPanel = ({ model, documentId, document }: PanelProps) => {
  const text = clickMessages.useText();
  if (model !== ARTICLE_UID || !documentId) return null;
  // The content manager's status of the draft: 'draft' when no version is published.
  const published = document?.status === 'published' || document?.status === 'modified';
  return { title: text('panel.title'), content: <ClickStats documentId={documentId} published={published} /> };
};
