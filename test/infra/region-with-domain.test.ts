import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT_MS, synthRegion, testDomain, type SynthesisedRegion } from './support/region.js';

let region: SynthesisedRegion;
beforeAll(() => {
  region = synthRegion({ domain: testDomain });
}, SYNTH_TIMEOUT_MS);

describe('a region with its own domain', () => {
  it('serves the domain with its us-east-1 certificate and TLS 1.2 at least', () => {
    region.templates.web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: [testDomain.name],
        ViewerCertificate: {
          AcmCertificateArn: testDomain.certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
  });

  it("leaves CORS to the app, whose public reads allow any origin (API Gateway's own CORS would drop those headers)", () => {
    // The web app calls the API on its own domain through CloudFront: it needs no CORS at all.
    region.templates.web.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it('tells the API its public URL', () => {
    const [fn] = Object.values(region.templates.web.findResources('AWS::Lambda::Function', { Properties: { Description: 'regiokurs HTTP API (Hono)' } }));
    expect(fn?.Properties.Environment.Variables.PUBLIC_URL).toBe(`https://${testDomain.name}`);
  });

  it('needs no acknowledgement of the default-certificate TLS finding', () => {
    const report = new AwsSolutionsChecks(region.app).validateScope(region.app);
    expect(report.violations).toEqual([]);
    expect(JSON.stringify(region.templates.web.toJSON())).not.toContain('AwsSolutions-CFR4');
  });
});
