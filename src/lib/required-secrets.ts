// What production must be given and never runs on defaults: the secrets Strapi and this
// project need, strong enough not to be guessed, and the public URL absolute links use.

export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'CLICK_HASH_SALT',
] as const;

export type SecretName = (typeof REQUIRED_SECRETS)[number];

/**
 * The shortest secret production accepts, in characters (`openssl rand -base64 32` gives 44).
 * Each of them signs or keys something an attacker who guessed it could forge or read: admin
 * and user sessions, preview links, API and transfer tokens, stored token keys, the click
 * hashes of readers' addresses. A key of APP_KEYS counts alone: Koa signs with the first.
 */
export const MIN_SECRET_LENGTH = 32;

/** The public URL of this server (config/server.ts): feeds and article answers link to it. */
export const PUBLIC_URL = 'PUBLIC_URL';

export const missingSecrets = (source: Record<string, string | undefined>, names: readonly string[] = REQUIRED_SECRETS): string[] =>
  names.filter((name) => !source[name] || source[name]!.trim() === '');

/** Secrets that are set but shorter than MIN_SECRET_LENGTH, named as the operator sets them. */
export const weakSecrets = (source: Record<string, string | undefined>, names: readonly string[] = REQUIRED_SECRETS): string[] =>
  names.flatMap((name) => {
    const value = source[name];
    if (!value || value.trim() === '') return [];
    if (name !== 'APP_KEYS') return value.trim().length < MIN_SECRET_LENGTH ? [name] : [];
    // As Strapi reads it (env.array): comma-separated, each key trimmed.
    const keys = value.split(',').map((key) => key.trim());
    return keys.flatMap((key, i) => (key.length < MIN_SECRET_LENGTH ? [`APP_KEYS (key ${i + 1} of ${keys.length})`] : []));
  });

/** Why PUBLIC_URL cannot serve as the origin of absolute links, or null when it can. */
export const publicUrlProblem = (value: string | undefined): string | null => {
  if (!value || value.trim() === '') return `${PUBLIC_URL} is not set`;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch {
    // not a URL: said below
  }
  return `${PUBLIC_URL} must be an absolute http(s) URL such as https://cms.example.gov.cn, not "${value}"`;
};

/**
 * `strapi build` loads the config too, but only to build the admin panel: a build
 * pipeline has no business holding the runtime secrets, so it is let through.
 */
export const isBuildCommand = (argv: readonly string[]) => /strapi(\.js)?$/.test(argv[1] ?? '') && argv[2] === 'build';

/**
 * Throws when production is missing a secret, has one shorter than MIN_SECRET_LENGTH, or
 * has no PUBLIC_URL: one message naming every variable to fix. Development and test never
 * reach this: `scripts/ensure-env.js` writes random secrets into `.env` first, and absolute
 * links default to the server's own address there (src/utils/fast-path.ts, publicOrigin).
 */
export const assertProductionSecrets = (
  source: Record<string, string | undefined> = process.env,
  names: readonly string[] = REQUIRED_SECRETS,
  argv: readonly string[] = process.argv
): void => {
  if (source.NODE_ENV !== 'production' || isBuildCommand(argv)) return;
  const problems: string[] = [];
  const missing = missingSecrets(source, names);
  if (missing.length > 0) problems.push(`missing required environment variable(s): ${missing.join(', ')}`);
  const weak = weakSecrets(source, names);
  if (weak.length > 0) {
    problems.push(`shorter than ${MIN_SECRET_LENGTH} characters: ${weak.join(', ')} (generate each with \`openssl rand -base64 32\`)`);
  }
  const url = publicUrlProblem(source[PUBLIC_URL]);
  if (url) problems.push(`${url} (absolute links in feeds and article answers are built from it, never from a request's Host)`);
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start in production: ${problems.join('; ')}. ` +
        'Set them in the environment (see docs/operations.md); they are never generated in production.'
    );
  }
};
