// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, call } from '../../../src-renderer/api';
import { installBridge } from './bridge';

// One client, two doors: the Electron bridge when it exists, HTTP otherwise; one error shape.

afterEach(() => {
  delete window.visitLedger;
  vi.unstubAllGlobals();
});

describe('the API client', () => {
  it('goes through the Electron bridge when the preload exposes it', async () => {
    const b = installBridge();
    const info = await call('app.info');
    expect(info.me?.id).toBe(b.meId);
    expect(b.calls.map((c) => c.method)).toEqual(['app.info']);
  });

  it('rejects with the core error (code, message, details) from the bridge', async () => {
    installBridge();
    const e = await call('staff.create', { name: '' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'name' } });
  });

  it('posts JSON to /api/<method> without the bridge', async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ result: { rows: [], total: 0 } }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetch);
    const page = await call('staff.list', { limit: 5 });
    expect(page).toEqual({ rows: [], total: 0 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/staff.list');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ limit: 5 });
  });

  it('turns an HTTP error body into an ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ error: { code: 'WORKFLOW', message: 'to: no', details: { field: 'to' } } }),
            {
              status: 422,
            },
          ),
      ),
    );
    await expect(call('demands.transition', { id: 'x', to: 'closed' })).rejects.toMatchObject({
      code: 'WORKFLOW',
      message: 'to: no',
      details: { field: 'to' },
    });
  });

  it('reports an unreachable server or a non-JSON answer without a stack', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(call('app.info')).rejects.toMatchObject({ code: 'NETWORK' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    await expect(call('app.info')).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'HTTP 502 Bad Gateway',
    });
  });
});
