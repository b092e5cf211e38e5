// 待我审核: the documents waiting in the stages the caller's role owns (from GET
// /admin/newsroom/review/waiting), each linked to its edit view, where the 审核 panel moves it.
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { useDateTime, useTypeLabel } from '../../../admin/useTypes';
import { reviewMessages } from './messages';

type Stage = 'draft' | 'first' | 'second' | 'final' | 'approved';
type Row = { uid: string; documentId: string; locale: string | null; stage: string; label: string; title: string; updatedAt: string };

const editLink = (row: Row) =>
  `/content-manager/collection-types/${row.uid}/${row.documentId}${row.locale ? `?plugins[i18n][locale]=${encodeURIComponent(row.locale)}` : ''}`;

const ReviewPage = () => {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = reviewMessages.useText();
  const when = useDateTime();
  // What each type is called, from its src/api/<name>/newsroom.ts.
  const labelOf = useTypeLabel();

  useEffect(() => {
    let cancelled = false;
    get<{ data: Row[] }>('/admin/newsroom/review/waiting')
      .then(({ data }) => !cancelled && setRows(data.data))
      .catch((caught) => {
        if (!cancelled) setError((isFetchError(caught) && caught.response?.data?.error?.message) || text('page.unavailable'));
      });
    return () => {
      cancelled = true;
    };
  }, [get]);

  return (
    <Page.Main>
      <Page.Title>{text('menu')}</Page.Title>
      <Layouts.Header title={text('menu')} subtitle={text('page.subtitle')} />
      <Layouts.Content>
        {error ? (
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        ) : !rows ? (
          <Page.Loading />
        ) : rows.length === 0 ? (
          <Box padding={6} background="neutral0" hasRadius shadow="tableShadow">
            <Typography variant="omega" data-testid="review-nothing-waiting">
              {text('page.nothing')}
            </Typography>
          </Box>
        ) : (
          <Table colCount={5} rowCount={rows.length + 1} data-testid="review-waiting-table">
            <Thead>
              <Tr>
                {(['column.stage', 'column.title', 'column.type', 'column.locale', 'column.updatedAt'] as const).map((name) => (
                  <Th key={name}>
                    <Typography variant="sigma">{text(name)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row) => (
                <Tr key={`${row.uid}-${row.documentId}-${row.locale}`}>
                  <Td>
                    <Badge>{text(`stage.${row.stage as Stage}`)}</Badge>
                  </Td>
                  <Td>
                    <Link tag={RouterLink} to={editLink(row)}>
                      {row.title}
                    </Link>
                  </Td>
                  <Td>
                    <Typography>{labelOf(row.uid)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{row.locale ?? '-'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{when(row.updatedAt)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReviewPage;
