import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { exportCaseJson, exportCaseMarkdown } from '../domain/conversation/export-case.js';
import { type CoreContext, outcomeOfRecord } from '../domain/conversation/outcome.js';
import type { CaseRecord } from '../domain/model/case-record.js';

/** Writes <dir>/<case>.md and <dir>/<case>.json and returns their paths. */
export async function writeCaseExport(
  rec: CaseRecord,
  ctx: CoreContext,
  dir: string,
  now: Date,
): Promise<string[]> {
  const outcome = rec.state.status === 'decided' ? outcomeOfRecord(rec, ctx, now) : undefined;
  const out = resolve(dir);
  await mkdir(out, { recursive: true });
  const md = join(out, `${rec.id}.md`);
  const json = join(out, `${rec.id}.json`);
  await writeFile(md, exportCaseMarkdown(rec, outcome, now));
  await writeFile(json, exportCaseJson(rec, outcome));
  return [md, json];
}
