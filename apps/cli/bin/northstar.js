#!/usr/bin/env node
// The CLI runs its TypeScript sources directly through tsx: no build step between a clone and a
// working `npx northstar`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
