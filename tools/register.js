// Runs the TypeScript sources directly (swc, with decorator metadata and tsconfig paths), so
// `npm start` needs no build step. The production image (Dockerfile) runs the sources the same way.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('reflect-metadata');
require('@swc-node/register');
