// 立即重建 (Rebuild now) in the list views of rebuild targets and deliveries.
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Button } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { rebuildMessages } from './messages';

const MODELS = ['api::rebuild.rebuild-delivery', 'api::rebuild.rebuild-target'];

export const RebuildNowButton = () => {
  const { pathname } = useLocation();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);
  const text = rebuildMessages.useText();
  if (!MODELS.some((model) => pathname.includes(model))) return null;

  const rebuild = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { deliveries: number } }>('/admin/rebuild-now', {});
      toggleNotification({
        type: 'success',
        message: text('sent', { count: data.data.deliveries }),
      });
    } catch (error) {
      // The server says why (e.g. no target configured); a network failure says nothing.
      const reason = isFetchError(error) ? error.response?.data?.error?.message : undefined;
      toggleNotification({
        type: reason ? 'warning' : 'danger',
        message: reason ?? text('failed'),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="secondary" onClick={rebuild} loading={busy}>
      {text('now')}
    </Button>
  );
};
