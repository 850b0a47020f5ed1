import { ConfigError } from './config.js';

type Env = Record<string, string | undefined>;

/**
 * The application secret in the cloud. A function's configuration names the Secrets Manager
 * secret (`APP_SECRET_ARN`), never holds its value: the AWS Parameters and Secrets Lambda
 * Extension, a layer of every function, reads it on the function's first request over
 * localhost and caches it. Locally, or with SESSION_SECRET set, the environment is used as it is.
 */
export async function withAppSecret(env: Env): Promise<Env> {
  const arn = env.APP_SECRET_ARN;
  if (!arn || env.SESSION_SECRET) return env;
  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const res = await fetch(`http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(arn)}`, {
    // The extension's guard against requests from anything but this function (SSRF).
    headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
  });
  if (!res.ok) throw new ConfigError(`APP_SECRET_ARN: the secret could not be read (HTTP ${res.status} from the secrets extension)`);
  const { SecretString } = (await res.json()) as { SecretString?: string };
  if (!SecretString) throw new ConfigError('APP_SECRET_ARN: the secret has no string value');
  return { ...env, SESSION_SECRET: SecretString };
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
