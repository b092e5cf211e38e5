#!/usr/bin/env node
// Gives a fresh clone working secrets: appends random values for any missing one
// to an untracked .env. Never runs in production, where missing secrets must stop
// the start (config/server.ts says which).
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

// 32 random bytes each (44 characters): production refuses a secret, or a key of APP_KEYS,
// shorter than 32 characters (src/lib/required-secrets.ts), and development is given no less.
const random = () => crypto.randomBytes(32).toString('base64');
const GENERATED = {
  APP_KEYS: () => Array.from({ length: 4 }, random).join(','),
  ADMIN_JWT_SECRET: random,
  API_TOKEN_SALT: random,
  TRANSFER_TOKEN_SALT: random,
  JWT_SECRET: random,
  ENCRYPTION_KEY: random,
  CLICK_HASH_SALT: random,
};

const ensureEnv = (envPath = path.join(__dirname, '..', '.env')) => {
  if (process.env.NODE_ENV === 'production') return [];
  const existing = fs.existsSync(envPath) ? fs.readFileSync(envPath, 'utf8') : '';
  const defined = new Set(
    existing
      .split(/\r?\n/)
      .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*\S/.exec(line))
      .filter(Boolean)
      .map((match) => match[1])
  );
  const added = Object.keys(GENERATED).filter((name) => !defined.has(name) && !process.env[name]);
  if (added.length === 0) return added;
  const lines = added.map((name) => `${name}=${GENERATED[name]()}`);
  const header = existing ? '' : '# Generated for local development by scripts/ensure-env.js. Never commit.\n';
  const sep = existing && !existing.endsWith('\n') ? '\n' : '';
  fs.writeFileSync(envPath, `${existing}${sep}${header}${lines.join('\n')}\n`, { mode: 0o600 });
  return added;
};

if (require.main === module) {
  const added = ensureEnv();
  if (added.length) console.log(`[ensure-env] generated ${added.join(', ')} into .env`);
}

module.exports = { ensureEnv, GENERATED };
