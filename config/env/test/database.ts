import type { Core } from '@strapi/strapi';
// One SQLite file per Jest worker, so parallel workers never share a database.
export default ({ env }: Core.Config.Shared.ConfigParams) =>
  env('DATABASE_CLIENT', 'sqlite') === 'sqlite'
    ? {
        connection: {
          connection: {
            filename: require('path').resolve(env('DATABASE_FILENAME', `.tmp/test-${process.env.JEST_WORKER_ID ?? '0'}.db`)),
          },
        },
      }
    : {};
