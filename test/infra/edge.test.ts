import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/api/app.js';
import { withRuntimeSecrets } from '../../functions/app-secret.js';
import { loadConfig } from '../../functions/config.js';
import { SYNTH_TIMEOUT_MS, synthRegion, type SynthesisedRegion } from './support/region.js';
import { startSecretsExtension } from './support/secrets-extension.js';

/**
 * The edge of a region: a WAF web ACL in us-east-1 in front of CloudFront (per-client rate
 * limits, AWS managed rules), and the origin lock that keeps the execute-api address from being
 * a way around it.
 */
type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };
type Rule = Record<string, any>;

let region: SynthesisedRegion;
beforeAll(() => {
  region = synthRegion();
}, SYNTH_TIMEOUT_MS);

const resourcesOf = (template: Template, type: string) => Object.entries(template.findResources(type)) as [string, Resource][];
const only = (template: Template, type: string) => {
  const found = resourcesOf(template, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const webAcl = () => only(region.templates.edge, 'AWS::WAFv2::WebACL');
const rules = () => webAcl()[1].Properties.Rules as Rule[];
const ruleNamed = (name: string) => {
  const rule = rules().find((r) => r.Name === name);
  if (!rule) throw new Error(`no rule ${name}`);
  return rule;
};
const distributionConfig = () => only(region.templates.web, 'AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
const originVerifyId = () => {
  const secrets = resourcesOf(region.templates.web, 'AWS::SecretsManager::Secret');
  expect(secrets).toHaveLength(1);
  return secrets[0]![0];
};
/** The Lambda function with this description and every statement of the policies on its role. */
function lambdaNamed(template: Template, description: string) {
  const [id, fn] = Object.entries(template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }))[0] ?? [];
  if (!id || !fn) throw new Error(`no function "${description}"`);
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const statements = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
  return { fn: fn as Resource, statements };
}
const secretReads = (statements: Array<Record<string, any>>) =>
  statements.filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue')).map((s) => JSON.stringify(s.Resource));

describe('WAF web ACL (edge stack)', () => {
  it('lives in us-east-1 with scope CLOUDFRONT, allowing by default, with metrics on for the ACL and every rule', () => {
    expect(region.region.edge.region).toBe('us-east-1');
    const [, acl] = webAcl();
    expect(acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expect(acl.Properties.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
    expect(rules()).toHaveLength(4);
    for (const rule of rules()) expect(rule.VisibilityConfig, rule.Name).toMatchObject({ CloudWatchMetricsEnabled: true, MetricName: expect.any(String) });
    expect(new Set(rules().map((r) => r.VisibilityConfig.MetricName)).size).toBe(rules().length);
  });

  it('runs the AWS common and known-bad-inputs rule groups', () => {
    const groups = rules()
      .filter((r) => r.Statement.ManagedRuleGroupStatement)
      .map((r) => r.Statement.ManagedRuleGroupStatement);
    expect(groups.map((g) => `${g.VendorName}/${g.Name}`).sort()).toEqual(['AWS/AWSManagedRulesCommonRuleSet', 'AWS/AWSManagedRulesKnownBadInputsRuleSet']);
    for (const rule of rules().filter((r) => r.Statement.ManagedRuleGroupStatement)) expect(rule.OverrideAction, rule.Name).toEqual({ None: {} });
  });

  it('only counts the common rule set’s 8 KB body limit, which is below what the API accepts (an offer with its sessions)', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(8 * 1024);
    const common = rules().find((r) => r.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common?.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('limits every client IP to 2000 requests in five minutes, over all requests', () => {
    const rule = ruleNamed('all-per-ip');
    expect(rule.Statement.RateBasedStatement).toEqual({ Limit: 2000, EvaluationWindowSec: 300, AggregateKeyType: 'IP' });
    expect(rule.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429 });
  });

  it('limits every client IP to 20 login-code requests (POST /api/auth/code) in five minutes, checked first', () => {
    const rule = ruleNamed('auth-code-per-ip');
    const rate = rule.Statement.RateBasedStatement;
    expect(rate).toMatchObject({ Limit: 20, EvaluationWindowSec: 300, AggregateKeyType: 'IP' });
    const [method, path] = rate.ScopeDownStatement.AndStatement.Statements.map((s: Rule) => s.ByteMatchStatement);
    expect(method).toMatchObject({ FieldToMatch: { Method: {} }, PositionalConstraint: 'EXACTLY', SearchString: 'POST' });
    expect(path).toMatchObject({ FieldToMatch: { UriPath: {} }, SearchString: '/api/auth/code' });
    expect(path.TextTransformations.map((t: Rule) => t.Type)).toEqual(expect.arrayContaining(['URL_DECODE', 'NORMALIZE_PATH']));
    expect(rule.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429 });
    expect(rule.Priority).toBe(Math.min(...rules().map((r) => r.Priority)));
  });

  it('answers a blocked client 429 with a problem body', () => {
    const [, acl] = webAcl();
    const keys = new Set(rules().flatMap((r) => (r.Action?.Block?.CustomResponse ? [r.Action.Block.CustomResponse.CustomResponseBodyKey] : [])));
    for (const key of keys) {
      const body = acl.Properties.CustomResponseBodies[key];
      expect(body.ContentType).toBe('APPLICATION_JSON');
      expect(JSON.parse(body.Content)).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 429 });
    }
  });

  it('is associated with the distribution, through a cross-region reference to its ARN', () => {
    const [aclId] = webAcl();
    const [, writer] = only(region.templates.edge, 'Custom::CrossRegionExportWriter');
    expect(writer.Properties.WriterProps.region).toBe(region.config.awsRegion);
    const exports = writer.Properties.WriterProps.exports as Record<string, unknown>;
    const [exportName] = Object.entries(exports).find(([, value]) => JSON.stringify(value) === JSON.stringify({ 'Fn::GetAtt': [aclId, 'Arn'] })) ?? [];
    expect(exportName).toBeDefined();
    const [readerId] = only(region.templates.web, 'Custom::CrossRegionExportReader');
    expect(distributionConfig().WebACLId).toEqual({ 'Fn::GetAtt': [readerId, exportName] });
  });

  it('leaves no acknowledgement of the no-WAF finding (AwsSolutions-CFR2)', () => {
    for (const [stack, template] of Object.entries(region.templates)) {
      const ids = Object.values(template.toJSON().Resources as Record<string, Resource>).flatMap((r) =>
        ((r.Metadata?.cdk_nag?.rules_to_suppress ?? []) as Array<{ id: string }>).map((s) => s.id),
      );
      expect(ids, stack).not.toContain('AwsSolutions-CFR2');
    }
  });
});

describe('origin lock', () => {
  it('has CloudFront send X-Origin-Verify to the API origin from a generated secret, by dynamic reference, never as a literal', () => {
    const secretId = originVerifyId();
    region.templates.web.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
    const origins = distributionConfig().Origins as Rule[];
    const api = origins.find((o) => JSON.stringify(o.DomainName).includes('execute-api'));
    expect(api?.OriginCustomHeaders).toEqual([
      {
        HeaderName: 'X-Origin-Verify',
        HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] },
      },
    ]);
    // The bucket origin does not get it.
    for (const origin of origins.filter((o) => o !== api)) expect(origin.OriginCustomHeaders, origin.Id).toBeUndefined();
  });

  it('lets the API functions, and no one else, read the secret; they get its ARN, never its value', () => {
    const secretId = originVerifyId();
    for (const description of ['regiokurs HTTP API (Hono)', 'regiokurs file exports (Hono, same app)']) {
      const { fn, statements } = lambdaNamed(region.templates.web, description);
      const env = fn.Properties.Environment.Variables;
      expect(env.ORIGIN_VERIFY_SECRET_ARN, description).toEqual({ Ref: secretId });
      expect(env.ORIGIN_VERIFY_SECRET, description).toBeUndefined();
      expect(secretReads(statements).sort(), description).toEqual([expect.stringContaining('AppSecret'), JSON.stringify({ Ref: secretId })].sort());
    }
    // Nothing else in any stack names it in a policy, and the jobs stack cannot (it is the web stack's).
    const policies = Object.entries(region.templates.web.findResources('AWS::IAM::Policy'));
    const naming = policies.filter(([, p]) => JSON.stringify(p).includes(secretId));
    expect(naming).toHaveLength(2);
    for (const [stack, template] of Object.entries(region.templates)) {
      if (stack === 'web') continue;
      expect(JSON.stringify(template.toJSON()), stack).not.toContain('OriginVerify');
    }
  });

  it('reaches the API functions through the extension, into the configuration', async () => {
    const arns = { app: 'arn:aws:secretsmanager:eu-central-1:1:secret:AppSecret', origin: 'arn:aws:secretsmanager:eu-central-1:1:secret:OriginVerify' };
    const values = { [arns.app]: 'a'.repeat(64), [arns.origin]: 'o'.repeat(64) };
    const port = await startSecretsExtension(values);
    const deployed: Record<string, string> = {
      TABLE_NAME: 'regiokurs-testtal-data-Table',
      PUBLIC_URL: 'https://d111.cloudfront.net',
      APP_SECRET_ARN: arns.app,
      ORIGIN_VERIFY_SECRET_ARN: arns.origin,
    };
    const { fn } = lambdaNamed(region.templates.web, 'regiokurs HTTP API (Hono)');
    const env = Object.fromEntries(
      Object.entries(fn.Properties.Environment.Variables as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : deployed[k]]),
    );

    const config = loadConfig(await withRuntimeSecrets({ ...env, PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port }), 'api');

    expect(config).toMatchObject({ APP_MODE: 'cloud', SESSION_SECRET: values[arns.app], ORIGIN_VERIFY_SECRET: values[arns.origin] });
  });
});
