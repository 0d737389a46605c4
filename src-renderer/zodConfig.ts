// The CSP forbids eval, so zod must not even probe for it: the probe (a caught `new Function`)
// is still reported as a violation. Imported first by main.tsx, before any schema is built.
import { z } from 'zod';

z.config({ jitless: true });
