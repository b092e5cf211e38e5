// The edit view's fields in one language (#32), as the content manager's
// 'Admin/CM/pages/EditView/mutate-edit-view-layout' hook lets an app change them, after i18n's:
// - i18n marks each localised field with a globe whose tooltip says 该值对于选中语言是唯一的
//   ("must be unique", src/admin/translations/zh-Hans.json corrects the words) and whose
//   wrapper's native title is the message object itself, shown as "[object Object]": the mark
//   is drawn again here with the words only;
// - a field's description ends with its English name, "（Title）", for English readers: the
//   label says it in English already, so the hint keeps the Chinese only.
import type { ReactElement } from 'react';
import { Flex, Tooltip, VisuallyHidden } from '@strapi/design-system';
import { Earth } from '@strapi/icons';
import { useIntl } from 'react-intl';

type Message = { id: string; defaultMessage: string };
type Field = { hint?: unknown; labelAction?: ReactElement<{ title?: unknown }> } & Record<string, unknown>;
type Row = Field[];
type Layout = { layout: Row[][]; components: Record<string, { layout: Row[] } & Record<string, unknown>> } & Record<string, unknown>;

const LocalizedMark = ({ title }: { title: Message }) => {
  const { formatMessage } = useIntl();
  const words = formatMessage(title);
  return (
    <Flex tag="span" color="neutral500">
      <VisuallyHidden tag="span">{words}</VisuallyHidden>
      <Tooltip label={words}>
        <Earth aria-hidden focusable={false} width="1.2rem" height="1.2rem" />
      </Tooltip>
    </Flex>
  );
};

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).id === 'string';

/** "主标题，如“感恩奋进 实干争先”（Title）" → "主标题，如“感恩奋进 实干争先”: only a closing English name goes. */
export const hintWithoutEnglishName = (hint: string) =>
  hint.replace(/（[^（）\p{Script=Han}]*[A-Za-z][^（）\p{Script=Han}]*）\s*$/u, '').trim();

const oneLanguage = (field: Field): Field => {
  const title = field.labelAction?.props?.title;
  return {
    ...field,
    ...(typeof field.hint === 'string' ? { hint: hintWithoutEnglishName(field.hint) } : {}),
    ...(isMessage(title) ? { labelAction: <LocalizedMark title={title} /> } : {}),
  };
};

export const editViewInOneLanguage = ({ layout, ...rest }: { layout: Layout }) => ({
  ...rest,
  layout: {
    ...layout,
    layout: layout.layout.map((panel) => panel.map((row) => row.map(oneLanguage))),
    components: Object.fromEntries(
      Object.entries(layout.components ?? {}).map(([uid, component]) => [
        uid,
        { ...component, layout: component.layout.map((row) => row.map(oneLanguage)) },
      ])
    ),
  },
});
