// Edit-view side panel of an article: 识别引语 (find quotes). Proposes the speaker quotes
// the finder reads in the saved body; the editor ticks and accepts; accepted quotes
// become 讲话摘录 drafts linked to the article in the order of the text, and go public
// with the article's next publish. Quotes already linked are shown as such, never added twice.
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { importMessages } from './messages';

type Quote = { text: string; speakerName: string; speakerPosition: string | null; speakerOrganization: string | null; exists: boolean };
type PanelProps = { model: string; documentId?: string; document?: { locale?: string | null } };

const localeOf = (search: string, document: PanelProps['document']) =>
  new URLSearchParams(search).get('plugins[i18n][locale]') ?? document?.locale ?? 'zh-Hans';

const speakerLine = (quote: Quote) => [quote.speakerOrganization, quote.speakerPosition, quote.speakerName].filter(Boolean).join(' ');

const FindQuotes = ({ documentId, locale }: { documentId: string; locale: string }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [quotes, setQuotes] = useState<Quote[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const text = importMessages.useText();

  const fail = (error: unknown, fallback: string) =>
    toggleNotification({ type: 'warning', message: (isFetchError(error) && error.response?.data?.error?.message) || fallback });

  const find = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { quotes: Quote[] } }>('/admin/newsroom/quotes/propose', { documentId, locale });
      setQuotes(data.data.quotes);
      setChosen(new Set(data.data.quotes.flatMap((quote, i) => (quote.exists ? [] : [i]))));
    } catch (error) {
      fail(error, text('find.failed'));
    } finally {
      setBusy(false);
    }
  };

  const accept = async () => {
    if (!quotes) return;
    setBusy(true);
    try {
      const picked = quotes.filter((_, i) => chosen.has(i));
      const { data } = await post<{ data: { created: number } }>('/admin/newsroom/quotes/accept', { documentId, locale, quotes: picked });
      toggleNotification({
        type: 'success',
        message: text('accepted.toast', { count: data.data.created }),
      });
      setQuotes(quotes.map((quote, i) => (chosen.has(i) ? { ...quote, exists: true } : quote)));
      setChosen(new Set());
    } catch (error) {
      fail(error, text('accept.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="pi" textColor="neutral600">
        {text('hint')}
      </Typography>
      <Button variant="secondary" onClick={find} loading={busy && !quotes} fullWidth>
        {text('find')}
      </Button>
      {quotes && quotes.length === 0 && <Typography variant="pi">{text('none')}</Typography>}
      {quotes && quotes.length > 0 && (
        <>
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="quote-proposals">
            {quotes.map((quote, i) => (
              <Box key={i} padding={2} hasRadius background={quote.exists ? 'neutral100' : 'neutral0'} borderColor="neutral200">
                <Checkbox
                  checked={chosen.has(i)}
                  disabled={quote.exists}
                  onCheckedChange={(checked) => {
                    const next = new Set(chosen);
                    if (checked) next.add(i);
                    else next.delete(i);
                    setChosen(next);
                  }}
                >
                  {speakerLine(quote)}
                  {quote.exists ? text('added') : ''}
                </Checkbox>
                <Typography variant="pi" textColor="neutral700">
                  “{quote.text.length > 60 ? `${quote.text.slice(0, 60)}…` : quote.text}”
                </Typography>
              </Box>
            ))}
          </Flex>
          <Button onClick={accept} loading={busy} disabled={chosen.size === 0} fullWidth>
            {text('accept', { count: chosen.size })}
          </Button>
        </>
      )}
    </Flex>
  );
};

export const QuotePanel = ({ model, documentId, document }: PanelProps) => {
  const { search } = useLocation();
  const text = importMessages.useText();
  if (model !== ARTICLE_UID || !documentId) return null;
  return { title: text('panel.title'), content: <FindQuotes documentId={documentId} locale={localeOf(search, document)} /> };
};
