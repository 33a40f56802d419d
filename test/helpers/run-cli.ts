import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command as a separate process, with optional stdin, and collects its output. */
export function runProcess(
  cmd: string,
  args: string[],
  o: { cwd?: string; stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: o.cwd ?? PROJECT_ROOT,
      // Each run gets a throwaway store unless the test names one: no test sees another's cases.
      env: { PATH: process.env.PATH, IPCHECK_STORE_URL: 'memory://', ...o.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(o.stdin ?? '');
  });
}

/** Runs a built entry point (dist/…) with node. */
export function runNode(
  entry: string,
  args: string[],
  stdin?: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return runProcess(process.execPath, [join(PROJECT_ROOT, entry), ...args], { stdin, env });
}

export const triage = (...args: string[]) => runNode('dist/cli/ipcheck.js', ['triage', ...args]);
