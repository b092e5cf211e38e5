// A Strapi server in a child process, for tests of shutdown and of several instances.
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';
import { readJson } from './http';

export type ServerProcess = { url: string; child: ChildProcess; output: () => string; exited: Promise<number | null> };

type Options = {
  /** Node's own flags for the server (`--expose-gc` lets memoryOf force a full collection). */
  nodeArgs?: string[];
};

export const startServerProcess = (env: Record<string, string>, { nodeArgs = [] }: Options = {}): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, 'serve.js')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      // An IPC channel for memoryOf (tests/helpers/serve.js answers it).
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const timeout = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve({ url: match[1], child, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timeout);
      if (!/LISTENING/.test(output)) reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });

export type Memory = { rss: number; heapUsed: number; external: number; arrayBuffers: number; collected: boolean };

/**
 * The server's memory as the kernel and V8 see it, after a full collection when the
 * server runs with `--expose-gc` (`collected` says whether it did), in bytes.
 */
export const memoryOf = (server: ServerProcess): Promise<Memory> =>
  new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('no memory report from the server')), 30_000);
    const onMessage = (message: unknown) => {
      const report = message as { memory?: Memory };
      if (!report?.memory) return;
      clearTimeout(timeout);
      server.child.off('message', onMessage);
      resolve(report.memory);
    };
    server.child.on('message', onMessage);
    server.child.send({ memory: true });
  });

/** The server's peak resident memory since it started or since resetPeakOf (Linux: VmHWM), in bytes. */
export const peakOf = (server: ServerProcess) => {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
};

/** Restarts peakOf's count from the present resident memory (Linux: clear_refs 5). */
export const resetPeakOf = (server: ServerProcess) => fs.writeFileSync(`/proc/${server.child.pid}/clear_refs`, '5');

/** Stops a server that still runs (SIGTERM, as an operator's stop) and waits for it to exit. */
export const stopServer = async (server: ServerProcess | undefined) => {
  if (server?.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
};

export type NewAdmin = { firstname: string; lastname: string; email: string; password: string };

/**
 * The first-run registration of a Super Admin on a server of a fresh database; gives the
 * admin token, which every instance of that database accepts (one JWT secret).
 */
export const registerAdmin = async (server: ServerProcess, admin: NewAdmin) => {
  const res = await fetch(`${server.url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const token = (await readJson(res)).data?.token as string | undefined;
  if (!token) throw new Error(`register-admin failed: ${res.status}`);
  return token;
};

/** A full-access API token created by an administrator through the admin API. */
export const createApiToken = async (server: ServerProcess, adminToken: string, name: string) => {
  const created = await fetch(`${server.url}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ name, type: 'full-access', lifespan: null, description: 'tests' }),
  });
  return (await readJson(created)).data.accessKey as string;
};
