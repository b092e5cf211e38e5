// Edit-view side panel of an article: its 点击率 (total, today, a 30-day sparkline),
// read from the same public endpoint front ends use.
import { useEffect, useState } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { ARTICLE_UID } from '../../../api/article/newsroom';

type Stats = { total: number; today: number; days: Array<{ date: string; count: number }> };
type PanelProps = { model: string; documentId?: string };

const Sparkline = ({ days }: { days: Stats['days'] }) => {
  const width = 200;
  const height = 36;
  const max = Math.max(1, ...days.map((day) => day.count));
  const step = days.length > 1 ? width / (days.length - 1) : width;
  const points = days.map((day, i) => `${(i * step).toFixed(1)},${(height - (day.count / max) * (height - 2) - 1).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="30 天点击趋势 / 30-day clicks">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
};

const ClickStats = ({ documentId }: { documentId: string }) => {
  const [stats, setStats] = useState<Stats | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'unpublished' | 'error'>('loading');

  useEffect(() => {
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
  }, [documentId]);

  if (state === 'loading') return <Typography variant="pi">…</Typography>;
  if (state === 'unpublished') return <Typography variant="pi">发布后开始计数 (counted once published)</Typography>;
  if (state === 'error' || !stats) return <Typography variant="pi">点击数暂不可用 (unavailable)</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Flex justifyContent="space-between">
        <Typography variant="omega">总点击 Total</Typography>
        <Typography variant="omega" fontWeight="bold" data-testid="click-total">
          {stats.total.toLocaleString()}
        </Typography>
      </Flex>
      <Flex justifyContent="space-between">
        <Typography variant="omega">今日 Today</Typography>
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

export const ClickPanel = ({ model, documentId }: PanelProps) => {
  if (model !== ARTICLE_UID || !documentId) return null;
  return { title: '点击率 Clicks', content: <ClickStats documentId={documentId} /> };
};
