// The rebuild delivery log's 状态 column in Chinese: the states are stored as the API
// names them (pending, delivering, succeeded, failed), which the content manager would show as is.
import { Typography } from '@strapi/design-system';

export const DELIVERY_STATES: Record<string, string> = {
  pending: '等待发送',
  delivering: '发送中',
  succeeded: '成功',
  failed: '失败',
};

type Header = { name?: string } & Record<string, unknown>;
type HookArgs = { displayedHeaders: Header[]; layout: unknown };

export const translateDeliveryStates = ({ displayedHeaders, layout }: HookArgs): HookArgs => {
  // The hook receives no model uid; the list's own URL names it.
  if (!window.location.pathname.includes('api::rebuild.rebuild-delivery')) return { displayedHeaders, layout };
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) =>
      header.name === 'state'
        ? {
            ...header,
            cellFormatter: (row: { state?: string }) => (
              <Typography textColor="neutral800">{DELIVERY_STATES[row.state ?? ''] ?? row.state ?? '—'}</Typography>
            ),
          }
        : header
    ),
  };
};
