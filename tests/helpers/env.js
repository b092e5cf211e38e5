// The environment every test file starts from: test config, fresh secrets, no .env.
const crypto = require('crypto');
const os = require('os');
const path = require('path');

const random = () => crypto.randomBytes(24).toString('base64');

process.env.NODE_ENV = 'test';
// Never read the developer's .env: tests must pass on a fresh clone.
process.env.ENV_PATH = path.join(os.tmpdir(), 'gov-newsroom-tests-have-no-env-file');
for (const name of ['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'CLICK_HASH_SALT']) {
  process.env[name] = process.env[name] || random();
}
process.env.APP_KEYS = process.env.APP_KEYS || [random(), random()].join(',');
process.env.HOST = '127.0.0.1';
process.env.PORT = '0';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.BROWSER = 'none';
// The publish checks (src/features/inspection) are off for the tests of other features, whose
// fixtures are not written to pass them; the tests of the checks, the demo seed and the
// importer turn them on (startApp({ PUBLISH_CHECKS: 'true' })).
process.env.PUBLISH_CHECKS = 'false';
// 三审 (src/features/review/check-review-stage.ts) likewise: the tests of other features publish
// without passing 初审, 复审 and 终审; the review tests turn it on (startApp({ REVIEW_REQUIRED: 'true' })).
process.env.REVIEW_REQUIRED = 'false';
