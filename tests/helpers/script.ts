// A script of scripts/ (npm run import, audit:purge, backup …) run as the operator runs it:
// a child process on this test file's database (its env, plus `env`), with its exit code
// and output. The scripts that boot the app run the build the test run compiled once
// (SCRIPT_SKIP_COMPILE=true, scripts/lib/app.js): other test files run it meanwhile.
import { execFile } from 'child_process';
import path from 'path';

export type ScriptRun = { code: number; stdout: string; stderr: string };

type Options = {
  /** The umask the script starts with (e.g. 0o022, an operator's usual one); by default this process's. */
  umask?: number;
};

const appDir = path.resolve(__dirname, '..', '..');

export const runScript = (file: string, args: string[], env: Record<string, string> = {}, { umask }: Options = {}) =>
  new Promise<ScriptRun>((resolve) => {
    const script = [path.join(appDir, 'scripts', file), ...args];
    const [program, programArgs] =
      umask === undefined
        ? [process.execPath, script]
        : ['/bin/sh', ['-c', `umask ${umask.toString(8).padStart(3, '0')} && exec "$0" "$@"`, process.execPath, ...script]];
    execFile(
      program,
      programArgs,
      { cwd: appDir, env: { ...process.env, SCRIPT_SKIP_COMPILE: 'true', ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    );
  });
