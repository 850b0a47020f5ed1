import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias in
 * infra/constructs/bundling.ts). The Lambda runtime always puts the function role's credentials
 * in the environment, so the rest of the default chain (SSO, INI files, processes, web identity,
 * the instance metadata service) is dead weight: about 130 kB of every bundle. Locally and in
 * tests the real chain is used, as no alias applies there.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
