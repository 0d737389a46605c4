import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeCore, snapshot, tempDir, VALID_USCC, type TestCore } from '../helpers';
import { cli } from '../cli';
import { call } from '../../src-main/dispatch';
import { startWebServer, HTTP_STATUS, type WebServer } from '../../src-main/doors/web/server';
import { makeDemand, makeEnterprise, withWrongCheck } from './fixtures';

// The three doors (call(), HTTP, CLI) open one API: the same call gives the same answer.

const TOKEN = 'test-token-0123456789';

interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (fetch will not let a test send a foreign Host header). */
function http(
  server: WebServer,
  path: string,
  {
    method = 'POST',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const servers: WebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(t: TestCore): Promise<WebServer> {
  const s = await startWebServer(t.core, { token: TOKEN });
  servers.push(s);
  return s;
}

async function viaHttp(s: WebServer, method: string, input: unknown) {
  const r = await fetch(`${s.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: r.status, body: (await r.json()) as { result?: unknown; error?: unknown } };
}

async function viaCli(path: string, method: string, input: unknown) {
  const r = await cli(['--db', path, 'call', method, JSON.stringify(input)]);
  return {
    code: r.code,
    result: r.code === 0 ? (JSON.parse(r.stdout) as unknown) : undefined,
    error:
      r.code !== 0 && r.stderr.trim().startsWith('{')
        ? (JSON.parse(r.stderr) as { error: unknown }).error
        : undefined,
    stderr: r.stderr,
  };
}

function populated() {
  const t = makeCore();
  const ent = makeEnterprise(t, { uscc: VALID_USCC[0]!, name: '三门一致科技有限公司', town: '东街道' });
  makeEnterprise(t, { name: '另一家公司' });
  t.ok('visits.create', { enterpriseId: ent.id, date: '2026-11-20', mode: 'onsite', summary: '走访' });
  const demand = makeDemand(t, { enterpriseId: ent.id });
  return { t, ent, demand };
}

describe('the three doors give the same answers', () => {
  it('reads and refusals agree across call(), HTTP and the CLI', async () => {
    const { t, ent, demand } = populated();
    const s = await serve(t);
    // Every case goes through call() and HTTP; the CLI (a process each) takes a few.
    const reads: [string, unknown, boolean][] = [
      ['enterprises.get', { id: ent.id }, true],
      ['enterprises.list', { sort: [{ field: 'name', dir: 'asc' }] }, false],
      ['staff.list', {}, false],
      ['visits.list', { filter: { enterpriseId: ent.id } }, false],
      ['demands.get', { id: demand.id }, false],
    ];
    const bad: [string, unknown, string, boolean][] = [
      ['enterprises.get', { id: 'no-such-id' }, 'NOT_FOUND', true],
      ['enterprises.create', { uscc: withWrongCheck(VALID_USCC[1]!), name: '错码公司' }, 'VALIDATION', false],
      ['enterprises.create', { uscc: VALID_USCC[0]!, name: '重复公司' }, 'CONFLICT', false],
      ['demands.transition', { id: demand.id, to: 'closed' }, 'WORKFLOW', true],
      ['staff.create', { name: '' }, 'VALIDATION', false],
      ['staff.create', { name: 'x', extra: 1 }, 'VALIDATION', false],
    ];
    const before = snapshot(t.core);
    const cliCases = [...reads, ...bad].filter((c) => c[c.length - 1] === true);
    const cliRuns = new Map(
      await Promise.all(cliCases.map(async (c) => [c, await viaCli(t.path, c[0], c[1])] as const)),
    );

    for (const r of reads) {
      const [method, input] = r;
      const direct = call(t.core, method, input);
      expect(direct.ok, method).toBe(true);
      const expected = direct.ok ? direct.result : undefined;
      const h = await viaHttp(s, method, input);
      expect(h.status, method).toBe(200);
      expect(h.body.result, method).toEqual(expected);
      const c = cliRuns.get(r);
      if (c) {
        expect(c.code, `${method}: ${c.stderr}`).toBe(0);
        expect(c.result, method).toEqual(expected);
      }
    }
    for (const b of bad) {
      const [method, input, code] = b;
      const direct = call(t.core, method, input);
      expect(direct.ok).toBe(false);
      const error = direct.ok ? undefined : direct.error;
      expect(error?.code, method).toBe(code);
      const h = await viaHttp(s, method, input);
      expect(h.status, method).toBe(HTTP_STATUS[code as keyof typeof HTTP_STATUS]);
      expect(h.body).toEqual({ error });
      const c = cliRuns.get(b);
      if (c) {
        expect(c.code, method).toBe(1);
        expect(c.error, method).toEqual(error);
      }
    }
    expect(cliRuns.size).toBe(3);
    expect(snapshot(t.core)).toEqual(before);
  });

  it('a record written through one door reads the same through the others', async () => {
    const { t } = populated();
    const s = await serve(t);
    const viaWeb = await viaHttp(s, 'enterprises.create', { uscc: VALID_USCC[1]!, name: '网页录入公司' });
    expect(viaWeb.status).toBe(200);
    const webRecord = viaWeb.body.result as { id: string; uscc: string };
    expect(webRecord.uscc).toBe(VALID_USCC[1]);

    const written = await viaCli(t.path, 'experts.create', { name: '命令行专家', organization: '福州大学' });
    expect(written.code, written.stderr).toBe(0);
    const cliRecord = written.result as { id: string };
    expect(t.ok('experts.get', { id: cliRecord.id })).toEqual(cliRecord);
    expect((await viaHttp(s, 'experts.get', { id: cliRecord.id })).body.result).toEqual(cliRecord);

    expect(t.ok('enterprises.get', { id: webRecord.id })).toEqual(webRecord);
    // The CLI wrote as this install's device and "me".
    expect(cliRecord).toMatchObject({ updatedByDevice: t.core.store.device.id, updatedByStaff: t.meId });
  });
});

describe('HTTP door', () => {
  it('needs the token, our own Host and Origin, and a JSON body', async () => {
    const { t, ent } = populated();
    const s = await serve(t);
    const body = JSON.stringify({ id: ent.id });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const before = snapshot(t.core);

    expect((await http(s, '/api/enterprises.get', { body })).status).toBe(401);
    expect(
      (await http(s, '/api/enterprises.get', { body, headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    expect(
      (await http(s, '/api/enterprises.get', { body, headers: { ...auth, host: 'evil.example:80' } })).status,
    ).toBe(403);
    expect(
      (await http(s, '/api/enterprises.get', { body, headers: { ...auth, host: `127.0.0.1:${s.port + 1}` } }))
        .status,
    ).toBe(403);
    expect(
      (await http(s, '/api/enterprises.get', { body, headers: { ...auth, origin: 'http://evil.example' } }))
        .status,
    ).toBe(403);
    expect(
      (await http(s, '/api/enterprises.get', { body, headers: { ...auth, origin: 'null' } })).status,
    ).toBe(403);
    const invalid = await http(s, '/api/enterprises.get', { body: '{"id":', headers: auth });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({
      error: { code: 'VALIDATION', message: expect.stringMatching(/JSON/) },
    });
    expect((await http(s, '/api/enterprises.get', { method: 'GET', headers: auth })).status).toBe(405);
    const unknown = await http(s, '/api/enterprises.explode', { body: '{}', headers: auth });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    // Malformed escapes in the path or the cookie are refused, and the server stays up.
    const mangled = await http(s, '/api/%E0%A4%A', { body: '{}', headers: auth });
    expect(mangled.status).toBe(404);
    expect(JSON.parse(mangled.body)).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    expect(
      (await http(s, '/api/app.info', { body: '{}', headers: { cookie: `vl_token_${s.port}=%ZZ` } })).status,
    ).toBe(401);

    // Allowed: our own origin, localhost as host.
    const okOrigin = await http(s, '/api/enterprises.get', { body, headers: { ...auth, origin: s.url } });
    expect(okOrigin.status).toBe(200);
    expect(JSON.parse(okOrigin.body).result.id).toBe(ent.id);
    expect(
      (await http(s, '/api/enterprises.get', { body, headers: { ...auth, host: `localhost:${s.port}` } }))
        .status,
    ).toBe(200);
    // An empty body is an absent input.
    expect((await http(s, '/api/app.info', { headers: auth })).status).toBe(200);
    expect(snapshot(t.core)).toEqual(before);
  });

  it('trades the token in the URL for a cookie that then authorises calls', async () => {
    const { t } = populated();
    const s = await serve(t);
    expect((await http(s, '/?token=nope', { method: 'GET' })).status).toBe(401);
    const opened = await http(s, `/?token=${TOKEN}`, { method: 'GET' });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const setCookie = String(opened.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const r = await http(s, '/api/app.info', { body: '{}', headers: { cookie } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).result.device.id).toBe(t.core.store.device.id);
  });
});

describe('CLI door', () => {
  it('exit codes: 0 done, 1 refused, 2 usage', async () => {
    const dir = tempDir();
    const path = join(dir, 'cli.db');
    const init = await cli([
      '--db',
      path,
      'init',
      '--device-name',
      '测试机',
      '--staff-name',
      '王芳',
      '--role',
      'supervisor',
    ]);
    expect(init.code, init.stderr).toBe(0);
    const info = JSON.parse(init.stdout) as { me: { name: string; role: string }; device: { name: string } };
    expect(info.me).toMatchObject({ name: '王芳', role: 'supervisor' });
    expect(info.device.name).toBe('测试机');
    expect(existsSync(path)).toBe(true);

    const [badJson, unknownMethod] = await Promise.all([
      cli(['--db', path, 'call', 'staff.list', '{not json']),
      cli(['--db', path, 'call', 'staff.explode', '{}']),
    ]);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/not valid JSON/);
    expect(badJson.stdout).toBe('');
    expect(unknownMethod.code).toBe(2);
    expect(JSON.parse(unknownMethod.stderr).error.code).toBe('UNKNOWN_METHOD');
    // Exit 1 (a refused call) is checked with the doors above.
  });
});
