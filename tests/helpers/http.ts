import request from 'supertest';
import type { App } from './strapi';

export const api = (app: App) => request(app.server.httpServer);

export const graphql = async (app: App, query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const req = api(app).post('/graphql').send({ query, variables });
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req;
};

/** Plain text of a Strapi blocks body, paragraphs joined by newlines. */
export const blocksText = (blocks: Array<{ children?: Array<{ text?: string }> }>) =>
  blocks.map((block) => (block.children ?? []).map((child) => child.text ?? '').join('')).join('\n');
