import { describe, expect, it } from 'vitest';
import { parseHash, routeHref } from '../../../src-renderer/router';

describe('hash routes', () => {
  it('read screen, id, action and parameters', () => {
    expect(parseHash('')).toEqual({ screen: 'today', id: null, action: null, params: {} });
    expect(parseHash('#/demands/abc')).toEqual({ screen: 'demands', id: 'abc', action: null, params: {} });
    expect(parseHash('#/enterprises/e1/edit')).toMatchObject({
      screen: 'enterprises',
      id: 'e1',
      action: 'edit',
    });
    expect(parseHash('#/followups/new?parentType=demand&parentId=d1').params).toEqual({
      parentType: 'demand',
      parentId: 'd1',
    });
    expect(parseHash('#/nowhere').screen).toBe('today');
  });

  it('write what they read', () => {
    const href = routeHref('visits', 'new', null, { enterpriseId: 'e 1', empty: '' });
    expect(href).toBe('#/visits/new?enterpriseId=e+1');
    expect(parseHash(href)).toEqual({
      screen: 'visits',
      id: 'new',
      action: null,
      params: { enterpriseId: 'e 1' },
    });
  });
});
