// The secrets Strapi and this project need; production must never run on defaults.

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

export const missingSecrets = (source: Record<string, string | undefined>, names: readonly string[] = REQUIRED_SECRETS): string[] =>
  names.filter((name) => !source[name] || source[name]!.trim() === '');

/**
 * `strapi build` loads the config too, but only to build the admin panel: a build
 * pipeline has no business holding the runtime secrets, so it is let through.
 */
export const isBuildCommand = (argv: readonly string[]) => /strapi(\.js)?$/.test(argv[1] ?? '') && argv[2] === 'build';

/**
 * Throws when production is missing a secret. Development and test never reach
 * this with a gap: `scripts/ensure-env.js` writes random ones into `.env` first.
 */
export const assertProductionSecrets = (
  source: Record<string, string | undefined> = process.env,
  names: readonly string[] = REQUIRED_SECRETS,
  argv: readonly string[] = process.argv
): void => {
  if (source.NODE_ENV !== 'production' || isBuildCommand(argv)) return;
  const missing = missingSecrets(source, names);
  if (missing.length > 0) {
    throw new Error(
      `Refusing to start in production: missing required environment variable(s): ${missing.join(', ')}. ` +
        'Set them in the environment (see README, "Production"); they are never generated in production.'
    );
  }
};
