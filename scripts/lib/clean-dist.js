// Empties dist/ of the compiled server (the admin build in dist/build stays), as
// `strapi develop` does before it compiles. `strapi build` and compileStrapi do not: a
// file moved or deleted in src/ would stay in dist/ and still be loaded (a service moved
// into src/features/ would then be registered twice and the start would fail).
// Used by npm run build, the tests' compile and the scripts' compile.
const fs = require('fs');
const path = require('path');

const cleanDist = (appDir = path.resolve(__dirname, '..', '..')) => {
  const distDir = path.join(appDir, 'dist');
  if (!fs.existsSync(distDir)) return;
  // The incremental cache goes too: with it, tsc would not emit what it thinks is there.
  for (const name of fs.readdirSync(distDir)) if (name !== 'build') fs.rmSync(path.join(distDir, name), { recursive: true, force: true });
};

if (require.main === module) cleanDist();

module.exports = { cleanDist };
