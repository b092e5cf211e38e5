// The content manager as Chinese-speaking editors need it: a Chinese label and a
// description for every field, list columns and edit-view groups that follow the
// page an article becomes. Each type declares its layout in src/api/<name>/newsroom.ts. Applied when a type's layout below changes (a hash of it is
// stored), so what administrators rearrange afterwards ("Configure the view") is kept
// until the project ships a new layout for that type.
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { allTypeSettings, componentSettings, type AdminLayout } from '../../utils/type-settings';
import { contentManagerConfiguration } from '../../strapi-internals/content-manager';

type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
};

/**
 * Strapi's own fields, labelled alike in every type: without these the list showed
 * CREATEDAT / UPDATEDAT column headers, and the edit view English names.
 */
export const COMMON_FIELDS: AdminLayout['fields'] = {
  createdAt: { label: '创建时间', description: '（Created at）' },
  updatedAt: { label: '更新时间', description: '（Updated at）' },
  createdBy: { label: '创建人', description: '（Created by）' },
  updatedBy: { label: '最后修改人', description: '（Updated by）' },
};

/** A short fingerprint of a layout: a changed layout (or common label) reaches existing databases. */
export const layoutHash = (layout: AdminLayout) =>
  createHash('sha256')
    .update(JSON.stringify([layout, COMMON_FIELDS]))
    .digest('hex')
    .slice(0, 16);

export const applyAdminLayouts = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'newsroom', key: 'admin-layout-hashes' });
  const applied = ((await store.get({})) as Record<string, string> | null) ?? {};
  const types = contentManagerConfiguration<Configuration>(strapi, 'content-types');
  const components = contentManagerConfiguration<Configuration>(strapi, 'components');
  let changed = false;
  // Components (edited inside a type) have their own configuration, kept by another service.
  const declared = [
    ...allTypeSettings().map((settings) => ({
      uid: settings.uid,
      layout: settings.admin,
      component: undefined,
      model: strapi.contentTypes[settings.uid],
    })),
    ...componentSettings().map((settings) => ({
      uid: settings.uid,
      layout: settings.admin,
      component: strapi.components[settings.uid],
      model: undefined,
    })),
  ];
  for (const { uid, layout, component, model } of declared) {
    if (!layout) continue;
    const contentType = component ?? model;
    const hash = layoutHash(layout);
    if (!contentType || applied[uid] === hash) continue;
    const service = component ? components : types;
    const current = await service.findConfiguration(contentType);
    const metadatas = { ...current.metadatas };
    for (const name of Object.keys(metadatas)) {
      const field = layout.fields[name] ?? COMMON_FIELDS[name];
      if (!field && !layout.readOnly) continue;
      metadatas[name] = {
        edit: {
          ...metadatas[name].edit,
          ...(field
            ? {
                label: field.label,
                description: field.description ?? '',
                ...(field.placeholder ? { placeholder: field.placeholder } : {}),
                ...(field.mainField ? { mainField: field.mainField } : {}),
                ...(field.editable === false ? { editable: false } : {}),
              }
            : {}),
          ...(layout.readOnly ? { editable: false } : {}),
        },
        list: {
          ...metadatas[name].list,
          ...(field ? { label: field.label, ...(field.mainField ? { mainField: field.mainField } : {}) } : {}),
        },
      };
    }
    const edit = layout.edit
      ? layout.edit.map((row) => row.filter(([name]) => metadatas[name]).map(([name, size]) => ({ name, size })))
      : current.layouts.edit;
    await service.updateConfiguration(contentType, {
      settings: {
        ...current.settings,
        ...(layout.mainField ? { mainField: layout.mainField } : {}),
        ...(layout.defaultSortBy ? { defaultSortBy: layout.defaultSortBy, defaultSortOrder: layout.defaultSortOrder ?? 'ASC' } : {}),
        pageSize: 20,
      },
      metadatas,
      layouts: {
        list: layout.list ?? current.layouts.list,
        edit: edit.filter((row) => row.length > 0),
      },
    });
    applied[uid] = hash;
    changed = true;
  }
  if (changed) await store.set({ value: applied });
};
