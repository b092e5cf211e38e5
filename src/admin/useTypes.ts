// The type registry as the admin panels read it: GET /admin/newsroom/types
// (src/features/platform/types-route.ts), fetched once per page load and shared by every panel.
import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type TypeFacts = {
  uid: string;
  labels: { zh: string; en: string } | null;
  review: 'own' | 'with-article' | 'none';
  inspected: boolean;
  feed: { name: string; channels: boolean } | null;
};

let shared: Promise<TypeFacts[]> | null = null;

/** The declared types, or null while they load (and after a failed load, which the next mount retries). */
export const useTypes = (): TypeFacts[] | null => {
  const { get } = useFetchClient();
  const [types, setTypes] = useState<TypeFacts[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    if (!shared) {
      shared = get<{ data: TypeFacts[] }>('/admin/newsroom/types').then(({ data }) => data.data);
      shared.catch(() => {
        shared = null;
      });
    }
    shared.then((loaded) => !cancelled && setTypes(loaded)).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [get]);
  return types;
};
