// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../../src-renderer/i18n/resources';
import { isScreen, parseHash, routeHref } from '../../../src-renderer/router';
import { ROUTES, SCREENS } from '../../../src-renderer/routes';

// The route table is the one list of screens: the router knows exactly its screens, and each
// screen's navigation words exist in both languages.

type Tree = { [k: string]: string | Tree };
const has = (tree: Tree, key: string) =>
  typeof key.split('.').reduce<string | Tree | undefined>((t, k) => (t as Tree | undefined)?.[k], tree) ===
  'string';

describe('route table', () => {
  it('gives the router its screens, in the navigation order', () => {
    expect(SCREENS[0]).toBe('today');
    expect(SCREENS).toContain('followups');
    for (const screen of SCREENS) {
      expect(isScreen(screen)).toBe(true);
      expect(parseHash(routeHref(screen, 'x1', 'edit'))).toMatchObject({ screen, id: 'x1', action: 'edit' });
    }
    expect(isScreen('nowhere')).toBe(false);
  });

  it('names every screen and badge in Chinese and in English', () => {
    for (const screen of SCREENS) {
      const { label, badge } = ROUTES[screen];
      for (const key of [label, ...(badge ? [badge.title] : [])]) {
        expect(has(zhCN as unknown as Tree, key), `zh-CN ${key}`).toBe(true);
        expect(has(en as unknown as Tree, key), `en ${key}`).toBe(true);
      }
    }
  });
});
