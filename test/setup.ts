import { afterEach } from 'vitest';
import { cleanUpAfterTest } from './helpers';

// Runs before every test file (setupFiles of each vitest config), isolated or not.
afterEach(cleanUpAfterTest);
