import type { MethodOutput } from '@shared/contract/contract';

// 帮助 → 导出诊断信息: what support needs to understand a problem on a laptop they cannot see,
// as one text file: versions, where the data is, how the start went, and the main-process log.
// Nothing a record says, and not who "me" is.

export interface DiagnosticsInput {
  at: Date;
  versions: Partial<Record<'app' | 'electron' | 'chrome' | 'node', string>>;
  os: string;
  dataDir: string;
  info: MethodOutput<'app.info'> | null;
  startupError: string | null;
  log: string;
}

export function diagnosticsFileName(at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `走访台账诊断信息_${stamp}.txt`;
}

export function diagnosticsText(d: DiagnosticsInput): string {
  const lines = [
    '科技服务走访台账 Visit Ledger — 诊断信息 / diagnostics',
    `生成时间 created: ${d.at.toISOString()}`,
    ...Object.entries(d.versions).map(([k, v]) => `${k}: ${v}`),
    `os: ${d.os}`,
    `数据文件夹 data folder: ${d.dataDir}`,
  ];
  if (d.info) {
    lines.push(
      `数据库 database: ${d.info.dbPath}`,
      `数据结构版本 schema version: ${d.info.schemaVersion}`,
      `本机 device: ${d.info.device.code} (${d.info.device.id})`,
      `演示数据 demo loaded: ${d.info.demoLoadedAt ?? '—'}`,
    );
  }
  lines.push(
    `启动 start: ${d.startupError ? `失败 failed: ${d.startupError}` : 'ok'}`,
    '',
    '--- main.log ---',
    d.log,
  );
  return lines.join('\n');
}
