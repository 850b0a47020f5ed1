import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/**
 * A stand-in for the AWS Parameters and Secrets Lambda Extension's localhost endpoint, as AWS
 * documents it: `GET /secretsmanager/get?secretId=<arn>` answers `{SecretString}` for a known
 * secret (400 otherwise), and with `token` given only to requests carrying it in
 * `X-Aws-Parameters-Secrets-Token` (401 otherwise). Closed when the test finishes; answers its port.
 */
export async function startSecretsExtension(secrets: Record<string, string>, token?: string): Promise<string> {
  const extension = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const value = url.pathname === '/secretsmanager/get' ? secrets[url.searchParams.get('secretId') ?? ''] : undefined;
    const allowed = token === undefined || req.headers['x-aws-parameters-secrets-token'] === token;
    const status = !allowed ? 401 : value === undefined ? 400 : 200;
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(status === 200 ? JSON.stringify({ SecretString: value }) : '{}');
  });
  await new Promise<void>((res) => extension.listen(0, '127.0.0.1', res));
  onTestFinished(() => void extension.close());
  return String((extension.address() as AddressInfo).port);
}
