import type { ApiErrorBody } from '@shared/contract/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY, startWebServer, type WebServer } from '../../src-main/doors/web/server';
import { makeCore, zhOf } from '../helpers';

// The web door must take the largest file the contract allows for ledger.preview / import
// (70,000,000 base64 characters inside the JSON body), and still refuse bodies beyond that.

const TOKEN = 'web-body-test-token';
const servers: WebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function post(s: WebServer, method: string, body: string) {
  const r = await fetch(`${s.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body,
  });
  return {
    status: r.status,
    body: (await r.json()) as { error?: { code: string; message: string; details: ApiErrorBody['details'] } },
  };
}

describe('web door body size', () => {
  it('passes a ledger file of the largest size the contract allows to the method', async () => {
    const t = makeCore();
    const s = await startWebServer(t.core, { token: TOKEN });
    servers.push(s);
    const body = JSON.stringify({ contentBase64: 'A'.repeat(70_000_000), fileName: 'big.xlsx' });
    expect(body.length).toBeGreaterThan(10 * 1024 * 1024);
    const r = await post(s, 'ledger.preview', body);
    // The method itself answers (the bytes are no workbook), not the door's size guard.
    expect(r.status).toBe(400);
    expect(zhOf(r.body.error!)).toContain('不是有效的 .xlsx 文件');
  });

  it('passes a sync file as large as a whole ×20 district to sync.import', async () => {
    const t = makeCore();
    t.ok('sync.team.create', { name: '局', passphrase: 'passphrase-1' });
    const s = await startWebServer(t.core, { token: TOKEN });
    servers.push(s);
    const r = await post(s, 'sync.import', JSON.stringify({ contentBase64: 'A'.repeat(70_500_000) }));
    // The import reads the bytes (they are no sync file); neither the door nor the schema stops them.
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toBe('file: this is not a Visit Ledger sync file (.vlsync)');
  });

  it('refuses a body beyond the limit with 413', async () => {
    const t = makeCore();
    const s = await startWebServer(t.core, { token: TOKEN });
    servers.push(s);
    const r = await post(s, 'ledger.preview', `{"contentBase64":"${'A'.repeat(MAX_BODY)}"}`);
    expect(r.status).toBe(413);
    expect(r.body.error?.code).toBe('VALIDATION');
  });
});
