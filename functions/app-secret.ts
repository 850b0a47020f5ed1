import { ConfigError } from './config.js';

type Env = Record<string, string | undefined>;

/**
 * The secrets a function reads at run time: the variable naming the Secrets Manager secret
 * and the one its value is handed on in, as the configuration reads it (config.ts).
 */
const RUNTIME_SECRETS = [
  // The application secret: every function.
  { arnVariable: 'APP_SECRET_ARN', valueVariable: 'SESSION_SECRET' },
  // The origin lock (api/origin-lock.ts): the API functions behind CloudFront only.
  { arnVariable: 'ORIGIN_VERIFY_SECRET_ARN', valueVariable: 'ORIGIN_VERIFY_SECRET' },
] as const;

/**
 * The secrets in the cloud. A function's configuration names each Secrets Manager secret
 * (`APP_SECRET_ARN`, `ORIGIN_VERIFY_SECRET_ARN`), never holds its value: the AWS Parameters and
 * Secrets Lambda Extension, a layer of every function, reads it on the function's first request
 * over localhost and caches it. Locally, or with the value variable set, the environment is used
 * as it is.
 */
export async function withRuntimeSecrets(env: Env): Promise<Env> {
  let resolved = env;
  for (const { arnVariable, valueVariable } of RUNTIME_SECRETS) {
    const arn = env[arnVariable];
    if (!arn || env[valueVariable]) continue;
    resolved = { ...resolved, [valueVariable]: await readSecret(env, arnVariable, arn) };
  }
  return resolved;
}

async function readSecret(env: Env, arnVariable: string, arn: string): Promise<string> {
  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const res = await fetch(`http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(arn)}`, {
    // The extension's guard against requests from anything but this function (SSRF).
    headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
  });
  if (!res.ok) throw new ConfigError(`${arnVariable}: the secret could not be read (HTTP ${res.status} from the secrets extension)`);
  const { SecretString } = (await res.json()) as { SecretString?: string };
  if (!SecretString) throw new ConfigError(`${arnVariable}: the secret has no string value`);
  return SecretString;
}

/**
 * What a Lambda builds once, on its first request rather than at import: the secrets extension
 * answers only once the function runs. A failed build is tried again on the next request.
 */
export function onFirstRequest<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () =>
    (built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    }));
}
