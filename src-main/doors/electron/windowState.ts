import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

// The window's size, position and maximised state, kept per laptop in the user-data folder and
// restored onto a display that is still there (a laptop taken off its docking station must not
// open its window on the monitor it left behind).

export const MIN_SIZE = { width: 1280, height: 720 } as const;
const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
/** How much of the title bar must be on a display for the saved position to be kept. */
const GRIP = { width: 160, height: 40 } as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

/** The saved state, or null when there is none or it cannot be read (a first start). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed, so a crash mid-write leaves the previous state.
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The smallest size the window may take on this display: 1280×720, or the display if smaller. */
export function minimumSize(workArea: Rect): { width: number; height: number } {
  return {
    width: Math.min(MIN_SIZE.width, workArea.width),
    height: Math.min(MIN_SIZE.height, workArea.height),
  };
}

/**
 * Where the window opens: the saved bounds when their title bar is on one of today's displays,
 * otherwise centred on the primary display; never smaller than the minimum nor larger than the
 * display it lands on.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly { workArea: Rect }[],
  primary: { workArea: Rect },
): WindowState {
  const titleBar = saved && { x: saved.x, y: saved.y, width: saved.width, height: GRIP.height };
  const home = titleBar
    ? displays.find((d) => {
        const o = overlap(titleBar, d.workArea);
        return o.width >= Math.min(GRIP.width, saved.width) && o.height >= GRIP.height / 2;
      })
    : undefined;
  const area = (home ?? primary).workArea;
  const min = minimumSize(area);
  const size = saved ?? DEFAULT_SIZE;
  const width = Math.min(Math.max(size.width, min.width), area.width);
  const height = Math.min(Math.max(size.height, min.height), area.height);
  if (home && saved) {
    // Kept where it was, pulled back inside the display if it had grown past an edge.
    const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
    const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
    return { x, y, width, height, maximized: saved.maximized };
  }
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
    maximized: saved?.maximized ?? false,
  };
}

/** The state to save from a window: its bounds when not maximised, and whether it is. */
export function stateOf(win: { getNormalBounds(): Rect; isMaximized(): boolean }): WindowState {
  const b = win.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.round(b.width),
    height: Math.round(b.height),
    maximized: win.isMaximized(),
  };
}
