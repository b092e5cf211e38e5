// The content manager opens on 稿件 (articles), the type editors work in all day. Strapi
// opens its first type by name, which for Chinese names is 先进个人 or 表彰 depending on
// the browser's collation. A role that may not read articles gets Strapi's own choice.
import type { ComponentType } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '@strapi/strapi/admin';
import { ARTICLE_UID } from '../../../api/article/newsroom';

const ARTICLE = ARTICLE_UID;
const READ = 'plugin::content-manager.explorer.read';

type Loaded = { Component?: ComponentType } & Record<string, unknown>;
type Route = { path?: string; lazy?: () => Promise<Loaded> } & Record<string, unknown>;

/**
 * The content manager's route (`content-manager/*`), its layout wrapped: on the bare
 * /content-manager the layout would redirect to its first type; this goes to 稿件 first.
 * (A route of our own for /content-manager loses to the content manager's in React
 * Router's ranking, which counts the splat route's extra segment.)
 */
export const openContentManagerOnArticles = (routes: Route[]) =>
  routes.map((route) => {
    const { lazy } = route;
    if (route.path !== 'content-manager/*' || !lazy) return route;
    return {
      ...route,
      lazy: async () => {
        const loaded = await lazy();
        const Layout = loaded.Component;
        if (!Layout) return loaded;
        const OpenOnArticles = () => {
          const { pathname } = useLocation();
          const permissions = useAuth('OpenOnArticles', (state) => state.permissions);
          const canRead = permissions.some((permission) => permission.action === READ && permission.subject === ARTICLE);
          if (canRead && /^\/content-manager\/?$/.test(pathname)) {
            return <Navigate replace to={`/content-manager/collection-types/${ARTICLE}`} />;
          }
          return <Layout />;
        };
        return { ...loaded, Component: OpenOnArticles };
      },
    };
  });
