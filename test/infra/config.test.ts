import { describe, expect, it } from 'vitest';
import { parseRegionConfig, RegionConfigError } from '../../infra/config.js';
import { testDomain, testRegionInput } from './support/region.js';

const errorOf = (raw: unknown) => {
  try {
    parseRegionConfig(raw);
  } catch (error) {
    if (error instanceof RegionConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a RegionConfigError');
};

describe('region configuration (cdk.json context "regiokurs")', () => {
  it('accepts a complete region and defaults the AWS region to eu-central-1', () => {
    const config = parseRegionConfig(testRegionInput);
    expect(config.awsRegion).toBe('eu-central-1');
    expect(config.municipalities.map((m) => m.id)).toEqual(['ahorn', 'eschach']);
    expect(config.domain).toBeUndefined();
  });

  it('accepts an optional domain with a us-east-1 certificate', () => {
    expect(parseRegionConfig({ ...testRegionInput, domain: testDomain }).domain).toEqual(testDomain);
  });

  it('says when the configuration is missing altogether', () => {
    expect(errorOf(undefined)).toMatch(/context\.regiokurs/);
  });

  it.each([
    ['regiokurs.senderEmail', { senderEmail: 'not-an-address' }],
    ['regiokurs.alarmEmail', { alarmEmail: undefined }],
    ['regiokurs.timeZone', { timeZone: 'Europe/Paris' }],
    ['regiokurs.awsRegion', { awsRegion: 'Frankfurt' }],
    ['regiokurs.id', { id: 'Sonnen Tal' }],
    ['regiokurs.municipalities', { municipalities: [] }],
    ['regiokurs.municipalities.0.website', { municipalities: [{ id: 'a', name: 'A', website: 'ahorn' }] }],
    ['regiokurs.domain.certificateArn', { domain: { ...testDomain, certificateArn: testDomain.certificateArn.replace('us-east-1', 'eu-central-1') } }],
  ])('names the bad key %s', (key, change) => {
    expect(errorOf({ ...testRegionInput, ...change })).toContain(`${key}:`);
  });

  it('refuses unknown keys, so a typo does not silently fall back to a default', () => {
    expect(errorOf({ ...testRegionInput, awsregion: 'eu-west-1' })).toMatch(/regiokurs: .*awsregion/);
  });
});
