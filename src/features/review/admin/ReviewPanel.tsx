// Edit-view side panel: 审核 (三审). Shows the stage of this document in this locale, the
// moves the caller's role may make from it (送初审 / 通过 / 退回 with 审核意见) and the
// history of moves and comments. The server decides: a button shown here is a move it allows.
// A move names the version of the draft on screen (its updatedAt), so 通过 passes what was read.
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useDateTime, useTypes } from '../../../admin/useTypes';
import { reviewMessages } from './messages';

type Stage = 'draft' | 'first' | 'second' | 'final' | 'approved';
type ReviewEvent = { from: Stage; to: Stage; comment: string | null; by: string | null; system: boolean; at: string };
type State = {
  stage: Stage;
  label: string;
  required: boolean;
  canForward: boolean;
  canBack: boolean;
  history: ReviewEvent[];
};
type PanelProps = { model: string; documentId?: string; document?: { locale?: string | null; updatedAt?: string | null } };

const TONE: Record<Stage, string> = { draft: 'neutral', first: 'secondary', second: 'secondary', final: 'warning', approved: 'success' };

const Review = ({ model, documentId, locale, version }: { model: string; documentId: string; locale: string; version: string }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState<State | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const text = reviewMessages.useText();
  const when = useDateTime();
  const stageName = (stage: Stage) => (stage in TONE ? text(`stage.${stage}`) : stage);

  const call = useCallback(
    async (path: 'state' | 'move', extra: object = {}) => {
      setBusy(true);
      try {
        const { data } = await post<{ data: State }>(`/admin/newsroom/review/${path}`, { uid: model, documentId, locale, ...extra });
        setState(data.data);
        return true;
      } catch (error) {
        toggleNotification({
          type: 'warning',
          message: (isFetchError(error) && error.response?.data?.error?.message) || text('panel.failed'),
        });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [post, toggleNotification, model, documentId, locale, text]
  );

  // Again after every save: an edit after approval sends the article back to 初审.
  useEffect(() => {
    void call('state');
  }, [call, version]);

  if (!state) return <Typography variant="pi">{text('panel.loading')}</Typography>;
  const move = async (direction: 'forward' | 'back') => {
    // The version read is the one the edit view shows: a 通过 of a draft changed since is refused
    // (409, 稿件已被修改，请刷新后再审), and the notification says so.
    if (await call('move', { move: direction, comment, expected: state.stage, expectedUpdatedAt: version || undefined })) setComment('');
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="review-panel">
      <Flex gap={2} alignItems="center">
        <Typography variant="pi">{text('panel.current')}</Typography>
        <Badge textColor={`${TONE[state.stage]}700`} backgroundColor={`${TONE[state.stage]}100`}>
          {stageName(state.stage)}
        </Badge>
      </Flex>
      {!state.required && (
        <Typography variant="pi" textColor="neutral600">
          {text('panel.notRequired')}
        </Typography>
      )}
      {(state.canForward || state.canBack) && (
        <>
          <Textarea
            aria-label={text('panel.comment')}
            placeholder={state.canBack ? text('panel.commentRequired') : text('panel.commentOptional')}
            value={comment}
            onChange={(e: { target: { value: string } }) => setComment(e.target.value)}
          />
          <Flex gap={2} wrap="wrap">
            {state.canForward && (
              <Button size="S" onClick={() => void move('forward')} disabled={busy}>
                {state.stage === 'approved' ? '' : text(`forward.${state.stage}`)}
              </Button>
            )}
            {state.canBack && (
              <Button size="S" variant="danger-light" onClick={() => void move('back')} disabled={busy || comment.trim() === ''}>
                {text('back')}
              </Button>
            )}
          </Flex>
        </>
      )}
      <Typography variant="sigma" textColor="neutral600">
        {text('panel.history')}
      </Typography>
      {state.history.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {text('panel.noHistory')}
        </Typography>
      ) : (
        [...state.history].reverse().map((event, index) => (
          <Box key={`${event.at}-${index}`} padding={2} hasRadius background="neutral100" data-testid="review-event">
            <Typography variant="pi" fontWeight="bold" tag="p">
              {stageName(event.from)} → {stageName(event.to)}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {event.system ? text('panel.system') : (event.by ?? '')} · {when(event.at)}
            </Typography>
            {event.comment && (
              <Typography variant="pi" tag="p">
                {event.comment}
              </Typography>
            )}
          </Box>
        ))
      )}
    </Flex>
  );
};

export const ReviewPanel = ({ model, documentId, document }: PanelProps) => {
  const { search } = useLocation();
  const text = reviewMessages.useText();
  // The types whose src/api/<name>/newsroom.ts makes them pass 三审 themselves (the server refuses others), from the registry.
  const reviewed = useTypes()?.some((type) => type.uid === model && type.review === 'own');
  if (!reviewed || !documentId) return null;
  const locale = new URLSearchParams(search).get('plugins[i18n][locale]') ?? document?.locale ?? 'zh-Hans';
  return {
    title: text('panel.title'),
    content: <Review model={model} documentId={documentId} locale={locale} version={document?.updatedAt ?? ''} />,
  };
};
