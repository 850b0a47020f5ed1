import { describe, expect, it } from 'vitest';
import { providerSchema } from '../../shared/schemas/region.js';

describe('a provider’s website', () => {
  const provider = { id: 'p1', name: 'Sportunion', kind: 'association', municipalityId: 'lindach' };

  it('is an http(s) address a family can open', () => {
    expect(providerSchema.safeParse({ ...provider, website: 'https://sportunion.example' }).success).toBe(true);
    expect(providerSchema.safeParse({ ...provider, website: 'http://sportunion.example' }).success).toBe(true);
  });

  it('is never a script or data address, which a link on the offer page would run', () => {
    for (const website of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.example']) {
      expect(providerSchema.safeParse({ ...provider, website }).success, website).toBe(false);
    }
  });
});
