import type { AddressInfo } from 'net';
import type { App } from './strapi';

/** Starts the app's HTTP server on a free loopback port and gives its base URL. */
export const listen = async (app: App): Promise<string> => {
  const server = app.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
