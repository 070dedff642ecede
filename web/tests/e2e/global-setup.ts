import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SCREENSHOT_DIR } from './screenshots';

const WEB_DIR = resolve(import.meta.dirname, '../..');
const REPO_DIR = resolve(WEB_DIR, '..');
/** The backend's virtualenv sits next to web/ (../.venv from here). */
const SERVER_BIN = resolve(WEB_DIR, '../.venv/bin/imaradesk');
const STARTUP_TIMEOUT_MS = 60_000;

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealthy(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`imaradesk serve exited with ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 250));
  }
  throw new Error(`imaradesk serve did not answer /healthz within ${STARTUP_TIMEOUT_MS} ms:\n${output()}`);
}

/**
 * `imaradesk seed-demo` against the same database: the demo workspace with a number connected to
 * the built-in simulator (mounted at /simulator). Its login is read from what the command prints.
 */
function seedDemo(env: NodeJS.ProcessEnv): Promise<{ email: string; password: string }> {
  return new Promise((resolveSeed, reject) => {
    execFile(SERVER_BIN, ['seed-demo'], { cwd: REPO_DIR, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`imaradesk seed-demo failed: ${error.message}\n${stdout}\n${stderr}`));
      const login = /Sign in as (\S+) \/ (\S+)/.exec(stdout);
      if (!login) return reject(new Error(`imaradesk seed-demo printed no login:\n${stdout}`));
      resolveSeed({ email: login[1]!, password: login[2]! });
    });
  });
}

/** Starts the real backend on a fresh SQLite database; it serves the built app from web/dist. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(WEB_DIR, 'dist', 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  if (!existsSync(SERVER_BIN)) throw new Error(`${SERVER_BIN} is missing: install the backend first`);

  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const dataDir = mkdtempSync(join(tmpdir(), 'imaradesk-e2e-'));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    IMARADESK_DATA_DIR: dataDir,
    IMARADESK_DATABASE_URL: `sqlite+aiosqlite:///${dataDir}/e2e.db`,
    IMARADESK_PUBLIC_URL: baseUrl,
  };
  const server = spawn(SERVER_BIN, ['serve', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: REPO_DIR,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.on('error', (error) => collect(Buffer.from(`spawn failed: ${error.message}\n`)));
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);

  const stopServer = async () => {
    if (server.exitCode === null && server.pid) {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((resolveExit) => {
        const timer = setTimeout(() => {
          if (server.exitCode === null && server.pid) process.kill(-server.pid, 'SIGKILL');
          resolveExit(undefined);
        }, 5_000);
        server.once('exit', () => {
          clearTimeout(timer);
          resolveExit(undefined);
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  let demo: { email: string; password: string };
  try {
    await waitForHealthy(baseUrl, server, () => log);
    demo = await seedDemo(env);
  } catch (error) {
    await stopServer();
    throw error;
  }
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DEMO_EMAIL = demo.email;
  process.env.E2E_DEMO_PASSWORD = demo.password;
  return stopServer;
}
