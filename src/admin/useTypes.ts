// The type registry as the admin panels read it: GET /admin/newsroom/types
// (src/features/platform/types-route.ts), fetched once per page load and shared by every panel.
import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

export type TypeFacts = {
  uid: string;
  labels: { zh: string; en: string } | null;
  review: 'own' | 'with-article' | 'none';
  inspected: boolean;
  feed: { name: string; channels: boolean } | null;
  versioned: boolean;
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

/** Dates and names in the admin's language: 'zh' in 简体中文, 'en' otherwise. */
export const useAdminLanguage = (): 'zh' | 'en' => (useIntl().locale.startsWith('zh') ? 'zh' : 'en');

/** A type's name in the admin's language (its uid until the registry has loaded). */
export const useTypeLabel = () => {
  const types = useTypes();
  const language = useAdminLanguage();
  return (uid: string) => types?.find((type) => type.uid === uid)?.labels?.[language] ?? uid;
};

/** A date and time as the admin's language writes it (Beijing time when `beijing`). */
export const useDateTime = () => {
  const language = useAdminLanguage();
  return (at: string, beijing = false) =>
    new Date(at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
      hour12: false,
      ...(beijing ? { timeZone: 'Asia/Shanghai' } : {}),
    });
};
