// Edit-view side panel of an article: 识别引语 (find quotes). Proposes the speaker quotes
// the finder reads in the saved body; the editor corrects a speaker's name, position or
// organisation where the finder got them wrong, ticks and accepts; accepted quotes become
// 讲话摘录 drafts linked to the article in the order of the text, and go public with the
// article's next publish. Quotes already linked are shown as such, never added twice.
// Quotes said by a group (与会代表, 大家) are proposed unticked and marked 集体: no one is
// named for them, so they are stored only if the editor ticks one, with the group as speaker.
// Its strings are the feature's messages (./messages.ts), in the admin's language.
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Badge, Box, Button, Checkbox, Flex, TextInput, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { importMessages } from './messages';

type Quote = {
  text: string;
  speakerName: string;
  speakerPosition: string | null;
  speakerOrganization: string | null;
  exists: boolean;
  collective?: boolean;
};
type PanelProps = { model: string; documentId?: string; document?: { locale?: string | null } };
type Speaker = Pick<Quote, 'speakerName' | 'speakerPosition' | 'speakerOrganization'>;

/** The limits the server keeps (src/features/import/controller.ts SPEAKER_LIMITS). */
const LIMITS = { speakerName: 40, speakerPosition: 100, speakerOrganization: 100 } as const;

const localeOf = (search: string, document: PanelProps['document']) =>
  new URLSearchParams(search).get('plugins[i18n][locale]') ?? document?.locale ?? 'zh-Hans';

const FindQuotes = ({ documentId, locale }: { documentId: string; locale: string }) => {
  const t = importMessages.useText();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [quotes, setQuotes] = useState<Quote[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown, fallback: string) =>
    toggleNotification({ type: 'warning', message: (isFetchError(error) && error.response?.data?.error?.message) || fallback });

  const find = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { quotes: Quote[] } }>('/admin/newsroom/quotes/propose', { documentId, locale });
      setQuotes(data.data.quotes);
      // A group's words are proposed unticked: nobody is named for them.
      setChosen(new Set(data.data.quotes.flatMap((quote, i) => (quote.exists || quote.collective ? [] : [i]))));
    } catch (error) {
      fail(error, t('findFailed'));
    } finally {
      setBusy(false);
    }
  };

  const edit = (i: number, field: keyof Speaker, value: string) =>
    setQuotes((current) => current && current.map((quote, j) => (j === i ? { ...quote, [field]: value } : quote)));

  const invalid = (quote: Quote) =>
    quote.speakerName.trim() === '' ||
    quote.speakerName.length > LIMITS.speakerName ||
    (quote.speakerPosition ?? '').length > LIMITS.speakerPosition ||
    (quote.speakerOrganization ?? '').length > LIMITS.speakerOrganization;

  const accept = async () => {
    if (!quotes) return;
    setBusy(true);
    try {
      const picked = quotes
        .filter((_, i) => chosen.has(i))
        .map(({ text, speakerName, speakerPosition, speakerOrganization }) => ({
          text,
          speakerName: speakerName.trim(),
          speakerPosition: speakerPosition?.trim() || null,
          speakerOrganization: speakerOrganization?.trim() || null,
        }));
      const { data } = await post<{ data: { created: number } }>('/admin/newsroom/quotes/accept', { documentId, locale, quotes: picked });
      toggleNotification({ type: 'success', message: t('added', { count: data.data.created }) });
      setQuotes(quotes.map((quote, i) => (chosen.has(i) ? { ...quote, exists: true } : quote)));
      setChosen(new Set());
    } catch (error) {
      fail(error, t('addFailed'));
    } finally {
      setBusy(false);
    }
  };

  const pickedInvalid = quotes ? quotes.some((quote, i) => chosen.has(i) && invalid(quote)) : false;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="pi" textColor="neutral600">
        {t('hint')}
      </Typography>
      <Button variant="secondary" onClick={find} loading={busy && !quotes} fullWidth>
        {t('find')}
      </Button>
      {quotes && quotes.length === 0 && <Typography variant="pi">{t('none')}</Typography>}
      {quotes && quotes.length > 0 && (
        <>
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="quote-proposals">
            {quotes.map((quote, i) => (
              <Box
                key={i}
                padding={2}
                hasRadius
                background={quote.exists ? 'neutral100' : 'neutral0'}
                borderColor="neutral200"
                data-testid="quote-proposal"
              >
                <Flex gap={2} alignItems="center">
                  <Checkbox
                    aria-label={t('choose', { name: quote.speakerName })}
                    checked={chosen.has(i)}
                    disabled={quote.exists}
                    onCheckedChange={(checked) => {
                      const next = new Set(chosen);
                      if (checked) next.add(i);
                      else next.delete(i);
                      setChosen(next);
                    }}
                  >
                    {quote.exists ? t('alreadyAdded') : t('use')}
                  </Checkbox>
                  {quote.collective && (
                    <Badge title={t('collectiveHint')} data-testid="quote-collective">
                      {t('collective')}
                    </Badge>
                  )}
                </Flex>
                <Typography variant="pi" textColor="neutral700">
                  “{quote.text.length > 60 ? `${quote.text.slice(0, 60)}…` : quote.text}”
                </Typography>
                {!quote.exists && (
                  <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
                    {(['speakerName', 'speakerPosition', 'speakerOrganization'] as const).map((field) => (
                      <TextInput
                        key={field}
                        aria-label={t(field)}
                        placeholder={t(field)}
                        size="S"
                        value={quote[field] ?? ''}
                        maxLength={LIMITS[field]}
                        aria-invalid={field === 'speakerName' && quote.speakerName.trim() === ''}
                        title={field === 'speakerName' && quote.speakerName.trim() === '' ? t('nameRequired') : undefined}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) => edit(i, field, event.target.value)}
                      />
                    ))}
                  </Flex>
                )}
              </Box>
            ))}
          </Flex>
          <Button onClick={accept} loading={busy} disabled={chosen.size === 0 || pickedInvalid} fullWidth>
            {t('accept', { count: chosen.size })}
          </Button>
        </>
      )}
    </Flex>
  );
};

export const QuotePanel = ({ model, documentId, document }: PanelProps) => {
  const { search } = useLocation();
  const t = importMessages.useText();
  if (model !== ARTICLE_UID || !documentId) return null;
  return {
    title: t('title'),
    content: <FindQuotes documentId={documentId} locale={localeOf(search, document)} />,
  };
};
