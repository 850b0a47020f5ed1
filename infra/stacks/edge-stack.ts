import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/**
 * Requests one client IP may send in five minutes, over everything (pages, assets, API). A family
 * booking sends some 50–100 requests in five minutes; families often share one address (school
 * or municipal-office networks, mobile carriers' NAT), so 2000 lets 20 or more of them book at
 * once from behind one address in the registration rush, while one client is held to an average
 * of about 7 requests a second: it can no longer use up the API's 100/s stage throttle alone.
 */
const RATE_LIMIT_PER_IP = 2000;

/**
 * Login-code requests (POST /api/auth/code) one client IP may send in five minutes. A family
 * asks for one or two; 20 lets a class or a help desk sign people in from one address, while
 * nobody can make the system mail more than 240 codes an hour from one address (the API already
 * limits each e-mail address to 5 in 15 minutes).
 */
const AUTH_CODE_LIMIT_PER_IP = 20;

/** The window both rate-based rules count over. */
const RATE_WINDOW_SECONDS = 300;

/** The answer a blocked client gets from CloudFront: 429 with a problem body like the API's own. */
const TOO_MANY_REQUESTS = 'too-many-requests';

export type EdgeStackProps = StackProps & { regionId: string };

/**
 * What CloudFront needs from us-east-1, the only region it takes a WAF web ACL from: the web ACL
 * of the region's distribution. The web stack reads its ARN through a cross-region reference.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const metricPrefix = `regiokurs-${props.regionId}`;
    const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${metricPrefix}-${name}`,
      sampledRequestsEnabled: true,
    });
    const block429: CfnWebACL.RuleActionProperty = {
      block: { customResponse: { responseCode: 429, customResponseBodyKey: TOO_MANY_REQUESTS } },
    };
    const managed = (priority: number, name: string, ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[]): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides } },
      visibilityConfig: visibility(name),
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${metricPrefix}-web`,
      description: `regiokurs ${props.regionId}: managed rules and per-client rate limits in front of CloudFront`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('web'),
      customResponseBodies: {
        [TOO_MANY_REQUESTS]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({
            type: `https://regiokurs.example/problems/${TOO_MANY_REQUESTS}`,
            title: 'Zu viele Anfragen / too many requests',
            status: 429,
            detail: 'Bitte in ein paar Minuten noch einmal versuchen. / Please try again in a few minutes.',
          }),
        },
      },
      rules: [
        // The stricter limit first: a login-code flood is blocked even below the general limit.
        {
          name: 'auth-code-per-ip',
          priority: 0,
          action: block429,
          statement: {
            rateBasedStatement: {
              limit: AUTH_CODE_LIMIT_PER_IP,
              evaluationWindowSec: RATE_WINDOW_SECONDS,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                andStatement: {
                  statements: [
                    {
                      byteMatchStatement: {
                        fieldToMatch: { method: {} },
                        positionalConstraint: 'EXACTLY',
                        searchString: 'POST',
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                    {
                      // Decoded and normalised, so /api/auth/%63ode or //api/auth/code count too.
                      byteMatchStatement: {
                        fieldToMatch: { uriPath: {} },
                        positionalConstraint: 'STARTS_WITH',
                        searchString: '/api/auth/code',
                        textTransformations: [
                          { priority: 0, type: 'URL_DECODE' },
                          { priority: 1, type: 'NORMALIZE_PATH' },
                          { priority: 2, type: 'LOWERCASE' },
                        ],
                      },
                    },
                  ],
                },
              },
            },
          },
          visibilityConfig: visibility('auth-code-per-ip'),
        },
        {
          name: 'all-per-ip',
          priority: 1,
          action: block429,
          statement: { rateBasedStatement: { limit: RATE_LIMIT_PER_IP, evaluationWindowSec: RATE_WINDOW_SECONDS, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('all-per-ip'),
        },
        // SizeRestrictions_BODY blocks bodies over 8 KB; the API takes up to 64 KB (MAX_BODY_BYTES)
        // and a provider's offer with its sessions and units is larger than 8 KB, so it only counts.
        managed(2, 'AWSManagedRulesCommonRuleSet', [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]),
        managed(3, 'AWSManagedRulesKnownBadInputsRuleSet'),
      ],
    });
  }
}
