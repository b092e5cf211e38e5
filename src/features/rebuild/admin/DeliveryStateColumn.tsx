// The rebuild delivery log's 状态 column in the admin's language: the states are stored as the
// API names them (pending, delivering, succeeded, failed), which the content manager would show as is.
import { Typography } from '@strapi/design-system';
import { rebuildMessages } from './messages';

const STATES = ['pending', 'delivering', 'succeeded', 'failed'] as const;
type State = (typeof STATES)[number];

type Header = { name?: string } & Record<string, unknown>;
type HookArgs = { displayedHeaders: Header[]; layout: unknown };

const StateCell = ({ state }: { state?: string }) => {
  const text = rebuildMessages.useText();
  const known = (STATES as readonly string[]).includes(state ?? '');
  return <Typography textColor="neutral800">{known ? text(`state.${state as State}`) : (state ?? '—')}</Typography>;
};

export const translateDeliveryStates = ({ displayedHeaders, layout }: HookArgs): HookArgs => {
  // The hook receives no model uid; the list's own URL names it.
  if (!window.location.pathname.includes('api::rebuild.rebuild-delivery')) return { displayedHeaders, layout };
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) =>
      header.name === 'state' ? { ...header, cellFormatter: (row: { state?: string }) => <StateCell state={row.state} /> } : header
    ),
  };
};
