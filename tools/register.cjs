// Runs the TypeScript sources directly (SWC, with decorator metadata and tsconfig paths): no build step
// between `npm install` and `npm start`.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('node:path').join(__dirname, '..', 'tsconfig.base.json');
require('reflect-metadata');
require('@swc-node/register');
