import type { App } from './electronApi';

/**
 * One app per laptop and database: a second launch hands its command line to the first and
 * quits. Returns false in the second launch, which must then do nothing more.
 */
export function holdSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  onSecondLaunch: (argv: string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondLaunch(argv));
  return true;
}
