#!/usr/bin/env node
// The installed command; `npm run build` (run by npm ci/install) writes dist/.
import '../dist/cli/bin.js';
