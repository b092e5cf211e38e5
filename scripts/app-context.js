// The compiled app a command-line script boots. In production, the build `npm run build`
// left in dist/ is what the server runs: never recompile under it. SCRIPT_SKIP_COMPILE=1
// does the same elsewhere (the tests compile once, before any file runs).
'use strict';

const fs = require('fs');
const path = require('path');

exports.appContext = async (appDir) => {
  const distDir = path.join(appDir, 'dist');
  const useBuilt =
    process.env.SCRIPT_SKIP_COMPILE === '1' || (process.env.NODE_ENV === 'production' && fs.existsSync(path.join(distDir, 'src')));
  if (useBuilt) return { appDir, distDir };
  const { compileStrapi } = require('@strapi/strapi');
  return compileStrapi({ appDir });
};
