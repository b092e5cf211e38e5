// Whether the browser tests run: Chromium must be installed (CI installs Debian's), and
// E2E=0 turns them off (the PostgreSQL run of the suite does, they test the front ends).
const fs = require('fs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const e2eEnabled = () => process.env.E2E !== '0' && fs.existsSync(CHROMIUM);

module.exports = { CHROMIUM, e2eEnabled };
