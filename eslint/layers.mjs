// The project's layering, checked by ESLint (npm run lint, in CI). From the bottom up:
//   src/lib               pure: imports nothing of the project but src/lib
//   src/strapi-internals  the adapter for Strapi's private APIs: src/lib, src/utils
//   src/utils             shared Strapi helpers and the type registry: src/lib, src/utils,
//                         src/strapi-internals, src/api/*/newsroom.ts
//   src/features/<name>   a feature: anything of its own folder, the layers below, and another
//                         feature only through its public index (src/features/<other>/index.ts)
//   src/api, src/index.ts, src/admin   Strapi's entry points: they compose features
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

const layerOf = (file) => {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel[0] === '..') return null;
  if (rel[0] === 'features' && rel.length > 2) return { layer: 'feature', feature: rel[1], rest: rel.slice(2) };
  if (rel[0] === 'features') return { layer: 'features-top', rest: rel.slice(1) };
  return { layer: rel[0], rest: rel.slice(1) };
};

const isIndex = (rest) => rest.length === 1 && /^index\.(ts|tsx)?$/.test(rest[0] || 'index.ts');

const allowed = (from, to) => {
  if (!to) return true;
  switch (from.layer) {
    case 'lib':
      return to.layer === 'lib';
    case 'utils':
      return ['lib', 'utils', 'strapi-internals'].includes(to.layer) || (to.layer === 'api' && /^newsroom(\.ts)?$/.test(to.rest[1] ?? ''));
    case 'strapi-internals':
      return ['lib', 'utils', 'strapi-internals'].includes(to.layer);
    case 'feature':
      if (to.layer === 'feature') return to.feature === from.feature || isIndex(to.rest);
      // A feature's admin part (React) builds on src/admin's helpers.
      if (to.layer === 'admin') return from.rest[0] === 'admin';
      return ['lib', 'utils', 'strapi-internals', 'features-top', 'api'].includes(to.layer);
    default:
      if (to.layer === 'feature') return from.layer === 'admin' ? to.rest[0] === 'admin' || isIndex(to.rest) : isIndex(to.rest);
      return true;
  }
};

const WHY = {
  lib: 'src/lib is pure: it imports nothing of the project outside src/lib',
  utils: 'src/utils sits below the features: it may import src/lib, src/utils, src/strapi-internals and the types’ newsroom.ts only',
  'strapi-internals': 'src/strapi-internals sits below the features: src/lib and src/utils only',
  feature: 'a feature reaches another only through its public index (src/features/<name>/index.ts)',
};

export default {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [], messages: { layer: '{{why}} ({{spec}})' } },
      create(context) {
        const file = context.filename;
        const from = layerOf(file);
        if (!from) return {};
        const check = (node, spec) => {
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const target = path.resolve(path.dirname(file), spec);
          let to = layerOf(target);
          if (to && to.layer === 'feature' && to.rest.length === 0) to = { ...to, rest: ['index.ts'] };
          if (!allowed(from, to)) context.report({ node, messageId: 'layer', data: { why: WHY[from.layer] ?? 'layering', spec } });
        };
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
        };
      },
    },
  },
};
