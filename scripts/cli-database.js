// Required first by the scripts that write while the server may be running: on SQLite
// their transactions begin IMMEDIATE and wait their turn behind the server's writes
// (src/strapi-internals/sqlite-immediate.ts says why). An explicit setting is kept.
'use strict';

if (process.env.DATABASE_SQLITE_IMMEDIATE === undefined) process.env.DATABASE_SQLITE_IMMEDIATE = 'true';
