#!/usr/bin/env node
// Runs the TypeScript CLI straight from source (no build step), through tsx.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src-main/doors/cli/cli.ts');
await main(process.argv.slice(2));
