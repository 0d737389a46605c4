import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The main process's log: errors and the outcome of long jobs, one line each, in the user-data
// folder, for support to read. It names methods, error codes and record ids, never what a record
// says (no names, phone numbers or texts). When the file passes its size it is rotated:
// main.log → main.1.log → … → main.<keep>.log, the oldest dropped.

export interface Log {
  readonly file: string;
  info(message: string): void;
  error(message: string): void;
  /** The current file and the rotated ones, oldest first, as one text (for 导出诊断信息). */
  read(): string;
}

export interface LogOptions {
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  now?: () => Date;
}

export function openLog(dir: string, options: LogOptions = {}): Log {
  const { maxBytes = 1024 * 1024, keep = 3, now = () => new Date() } = options;
  const file = join(dir, 'main.log');
  const rotated = (n: number) => join(dir, `main.${n}.log`);

  function rotate(): void {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    renameSync(file, rotated(1));
  }

  function write(level: 'INFO' | 'ERROR', message: string): void {
    const line = `${now().toISOString()} ${level} ${message.replace(/\s*\n\s*/g, ' | ')}\n`;
    try {
      mkdirSync(dir, { recursive: true });
      if (existsSync(file) && statSync(file).size + line.length > maxBytes) rotate();
      appendFileSync(file, line);
    } catch {
      // A log that cannot be written must not take the app down with it.
    }
  }

  return {
    file,
    info: (message) => write('INFO', message),
    error: (message) => write('ERROR', message),
    read() {
      const files = [...Array.from({ length: keep }, (_, i) => rotated(keep - i)), file];
      return files
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f, 'utf8'))
        .join('');
    },
  };
}
