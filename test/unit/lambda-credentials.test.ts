import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../functions/lambda-credentials.js';

afterEach(() => vi.unstubAllEnvs());

describe('the Lambda bundles’ credentials', () => {
  it('are the role’s keys the runtime puts in the environment', async () => {
    // Prepare
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'token');

    // Act
    const credentials = await defaultProvider()();

    // Assess
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
  });

  it('fail loudly when the environment has none, instead of looking elsewhere', async () => {
    // Prepare
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');

    // Act, assess
    await expect(defaultProvider()()).rejects.toThrow(/environment/i);
  });
});
