// Edit-view side panel: 审核 (三审). Shows the stage of this document in this locale, the
// moves the caller's role may make from it (送初审 / 通过 / 退回 with 审核意见) and the
// history of moves and comments. The server decides: a button shown here is a move it allows.
// A move names the version of the draft on screen (its updatedAt), so 通过 passes what was read.
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useTypes } from '../../../admin/useTypes';

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

const LABELS: Record<Stage, string> = { draft: '草稿', first: '初审', second: '复审', final: '终审', approved: '可发布' };
const FORWARD: Record<Stage, string> = {
  draft: '送初审 Submit',
  first: '初审通过 Pass',
  second: '复审通过 Pass',
  final: '终审通过 Approve',
  approved: '',
};
const TONE: Record<Stage, string> = { draft: 'neutral', first: 'secondary', second: 'secondary', final: 'warning', approved: 'success' };

const Review = ({ model, documentId, locale, version }: { model: string; documentId: string; locale: string; version: string }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState<State | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

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
          message: (isFetchError(error) && error.response?.data?.error?.message) || '审核操作失败 Review action failed',
        });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [post, toggleNotification, model, documentId, locale]
  );

  // Again after every save: an edit after approval sends the article back to 初审.
  useEffect(() => {
    void call('state');
  }, [call, version]);

  if (!state) return <Typography variant="pi">读取中… Loading</Typography>;
  const move = async (direction: 'forward' | 'back') => {
    // The version read is the one the edit view shows: a 通过 of a draft changed since is refused
    // (409, 稿件已被修改，请刷新后再审), and the notification says so.
    if (await call('move', { move: direction, comment, expected: state.stage, expectedUpdatedAt: version || undefined })) setComment('');
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="review-panel">
      <Flex gap={2} alignItems="center">
        <Typography variant="pi">当前阶段</Typography>
        <Badge textColor={`${TONE[state.stage]}700`} backgroundColor={`${TONE[state.stage]}100`}>
          {state.label}
        </Badge>
      </Flex>
      {!state.required && (
        <Typography variant="pi" textColor="neutral600">
          未启用三审（REVIEW_REQUIRED=false）：发布不检查审核阶段。
        </Typography>
      )}
      {(state.canForward || state.canBack) && (
        <>
          <Textarea
            aria-label="审核意见 Comment"
            placeholder={state.canBack ? '审核意见（退回时必填）' : '审核意见（可选）'}
            value={comment}
            onChange={(e: { target: { value: string } }) => setComment(e.target.value)}
          />
          <Flex gap={2} wrap="wrap">
            {state.canForward && (
              <Button size="S" onClick={() => void move('forward')} disabled={busy}>
                {FORWARD[state.stage]}
              </Button>
            )}
            {state.canBack && (
              <Button size="S" variant="danger-light" onClick={() => void move('back')} disabled={busy || comment.trim() === ''}>
                退回 Send back
              </Button>
            )}
          </Flex>
        </>
      )}
      <Typography variant="sigma" textColor="neutral600">
        审核记录 History
      </Typography>
      {state.history.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          尚无记录
        </Typography>
      ) : (
        [...state.history].reverse().map((event, index) => (
          <Box key={`${event.at}-${index}`} padding={2} hasRadius background="neutral100" data-testid="review-event">
            <Typography variant="pi" fontWeight="bold" tag="p">
              {LABELS[event.from] ?? event.from} → {LABELS[event.to] ?? event.to}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {event.system ? '系统' : (event.by ?? '')} · {new Date(event.at).toLocaleString('zh-CN')}
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
  // The types whose src/api/<name>/newsroom.ts makes them pass 三审 themselves (the server refuses others), from the registry.
  const reviewed = useTypes()?.some((type) => type.uid === model && type.review === 'own');
  if (!reviewed || !documentId) return null;
  const locale = new URLSearchParams(search).get('plugins[i18n][locale]') ?? document?.locale ?? 'zh-Hans';
  return {
    title: '审核 Review',
    content: <Review model={model} documentId={documentId} locale={locale} version={document?.updatedAt ?? ''} />,
  };
};
