// The list view's 可用语言 (Available in) column, which i18n adds, in one language: i18n writes
// "简体中文 (default)" with an English "(default)" whatever the admin's language. The locales a
// row has are named here as Settings › Internationalization names them, the default first.
import { useEffect, useState } from 'react';
import { Box, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

type Locale = { code: string; name: string; isDefault: boolean };
type Row = { locale?: string | null; localizations?: Array<{ locale: string }> };
type Header = { name?: string } & Record<string, unknown>;
type HookArgs = { displayedHeaders: Header[]; layout: unknown };

let shared: Promise<Locale[]> | null = null;

const LocalesCell = ({ row }: { row: Row }) => {
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    if (!shared) {
      shared = get<Locale[]>('/i18n/locales').then(({ data }) => data);
      shared.catch(() => {
        shared = null;
      });
    }
    shared.then((loaded) => !cancelled && setLocales(loaded)).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [get]);
  if (!locales) return null;
  const has = new Set([row.locale, ...(row.localizations ?? []).map((entry) => entry.locale)]);
  const names = locales
    .filter((locale) => has.has(locale.code))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
    .map((locale) => locale.name);
  // As narrow as i18n's own cell: the article list must fit 1440 px with its other columns.
  return (
    <Box maxWidth="12rem">
      <Typography textColor="neutral800" ellipsis tag="p">
        {names.join(' · ')}
      </Typography>
    </Box>
  );
};

export const localesColumnInOneLanguage = ({ displayedHeaders, layout }: HookArgs): HookArgs => ({
  layout,
  displayedHeaders: displayedHeaders.map((header) =>
    header.name === 'locales' ? { ...header, cellFormatter: (row: Row) => <LocalesCell row={row} /> } : header
  ),
});
