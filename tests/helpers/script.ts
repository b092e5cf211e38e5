// A script of scripts/ (npm run import, audit:purge …) run as the operator runs it: a
// child process on this test file's database (its env), with its exit code and output.
import { execFile } from 'child_process';
import path from 'path';

export type ScriptRun = { code: number; stdout: string; stderr: string };

const scriptsDir = path.resolve(__dirname, '..', '..', 'scripts');

export const runScript = (file: string, args: string[], env: Record<string, string> = {}) =>
  new Promise<ScriptRun>((resolve) => {
    execFile(
      process.execPath,
      [path.join(scriptsDir, file), ...args],
      { cwd: path.dirname(scriptsDir), env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    );
  });
