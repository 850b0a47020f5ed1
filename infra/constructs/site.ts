import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../functions/api/origin-lock.js';
import { API_REFERENCE_FILES, CRAWLER_FILES, OFFER_PAGE_PATHS, PAGE_ROUTE_PATTERN } from '../../shared/page-routes.js';
import type { RegionConfig } from '../config.js';

export type SiteProps = {
  api: IHttpApi;
  /** Sent to the API origin as X-Origin-Verify; CloudFormation resolves it, the template names it only. */
  originVerify: ISecret;
  /** The WAF web ACL (scope CLOUDFRONT) the distribution is associated with. */
  webAclArn: string;
  domain?: RegionConfig['domain'];
  /** Origins allowed to embed the calendar in a frame: the municipalities' own websites. */
  embeddingOrigins: readonly string[];
  /** The built web app (`web/dist`); without it the bucket is left for a later upload. */
  assetsDir?: string;
};

/**
 * How the viewer-request function tells the viewer-response function that a path is no page of
 * the app: after the rewrite both ask the bucket for /index.html. Not in the cache key and not
 * sent to the bucket (the default behaviour forwards no headers), so every page shares one cached
 * shell.
 */
const NOT_FOUND_MARKER = 'x-regiokurs-not-found';

/**
 * What both edge functions know of a path: the app's pages (shared/page-routes.ts, the list the
 * local server decides by, so the two cannot drift), files (a dot in the last segment: the bucket
 * answers them, or refuses them), and everything else: a page path the app does not have.
 */
const PATH_KINDS = `var PAGE_ROUTE = ${String(PAGE_ROUTE_PATTERN)};
function isUnknownPage(uri) {
  return !PAGE_ROUTE.test(uri) && uri.split('/').pop().indexOf('.') === -1;
}`;

/**
 * Page paths, known or not, get the app's index.html; the unknown ones are marked for the
 * response. A marker the viewer sent is dropped first, so no one turns a page into a 404.
 */
const SHELL_FOR_PAGE_PATHS = `${PATH_KINDS}
function handler(event) {
  var request = event.request;
  var unknown = isUnknownPage(request.uri);
  delete request.headers['${NOT_FOUND_MARKER}'];
  if (unknown) request.headers['${NOT_FOUND_MARKER}'] = { value: '1' };
  if (unknown || PAGE_ROUTE.test(request.uri)) request.uri = '/index.html';
  return request;
}`;

/**
 * The shell of an unknown page path answers 404, so search engines index no soft 404 (the app
 * still shows its not-found page). AWS calls the request of this event the one "CloudFront
 * received from the viewer" and leaves open whether that is before or after the viewer-request
 * function; reports from the field say after. Either is read right: a rewritten request carries
 * the marker, an original one its own path.
 */
const NOT_FOUND_STATUS = `${PATH_KINDS}
function handler(event) {
  var request = event.request;
  var response = event.response;
  var unknown = request.uri === '/index.html' ? '${NOT_FOUND_MARKER}' in request.headers : isUnknownPage(request.uri);
  if (unknown && response.statusCode === 200) {
    response.statusCode = 404;
    response.statusDescription = 'Not Found';
  }
  return response;
}`;

/**
 * The web app's origin: a private bucket behind CloudFront (origin access control), security
 * headers on every answer, page paths answered with the app's shell (404 where the app has no
 * such page), and `/api/*`, robots.txt and sitemap.xml passed to the HTTP API, so the app and its
 * API share one origin (no CORS, cookies stay first-party).
 */
export class Site extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  /** `https://` and the host families use. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'regiokurs security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            // Solid and Chart.js set inline style attributes.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            `frame-ancestors ${["'self'", ...props.embeddingOrigins].join(' ')}`,
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true }],
      },
    });

    // Page routes are decided at the edge from the app's own route list, not by custom error
    // responses: those apply to the whole distribution, so they would replace the API's own 404s
    // and 403s with the shell too, and the bucket answers a missing page with the same 403 as any
    // other missing key, so they could not tell a page from an unknown path anyway.
    const edgeFunction = (id: string, code: string, comment: string) =>
      new CloudFrontFunction(this, id, { code: FunctionCode.fromInline(code), runtime: FunctionRuntime.JS_2_0, comment });
    const shellForPagePaths = edgeFunction('SpaRouting', SHELL_FOR_PAGE_PATHS, 'Serves index.html for page paths, marking unknown ones');
    const notFoundStatus = edgeFunction('NotFoundStatus', NOT_FOUND_STATUS, 'Answers 404 for page paths the app does not have');

    const apiHost = `${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    const toApi = {
      origin: new HttpOrigin(apiHost, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        // The origin lock (functions/api/origin-lock.ts): a dynamic reference, resolved by CloudFormation.
        customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerify.secretValue.unsafeUnwrap() },
      }),
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Everything the viewer sent (cookies, Idempotency-Key, query) except Host, which must name the API.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: securityHeaders,
    } satisfies Partial<BehaviorOptions>;
    // robots.txt names the public URL, sitemap.xml lists the offers published now, and an
    // offer's page carries the offer in its head for crawlers: the API answers all of them, as
    // the local server does (functions/api/site.ts, offer-page.ts; the function bundles the
    // build's shell, api.ts). Only GET, so a redirect to HTTPS loses nothing.
    const crawlerFiles = Object.fromEntries(
      [...Object.values(CRAWLER_FILES), OFFER_PAGE_PATHS].map((path) => [path, { ...toApi, viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS }]),
    );

    const toBucket = S3BucketOrigin.withOriginAccessControl(this.bucket);
    // The OpenAPI document and its reference page are files of the web app's build (web/vite.config.ts),
    // under /api/ where API clients look: these two paths go to the bucket, before `/api/*` sends the rest to the API.
    const apiFiles = Object.fromEntries(
      Object.values(API_REFERENCE_FILES).map((path) => [
        path,
        {
          origin: toBucket,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: securityHeaders,
          compress: true,
        },
      ]),
    );

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'regiokurs web app and API',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America edges: the families are in Austria and Germany.
      priceClass: PriceClass.PRICE_CLASS_100,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      ...(props.domain && {
        domainNames: [props.domain.name],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
      }),
      defaultBehavior: {
        origin: toBucket,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          { function: shellForPagePaths, eventType: FunctionEventType.VIEWER_REQUEST },
          { function: notFoundStatus, eventType: FunctionEventType.VIEWER_RESPONSE },
        ],
        compress: true,
      },
      additionalBehaviors: {
        ...apiFiles,
        '/api/*': {
          ...toApi,
          // A redirect would turn a POST into a GET; API clients must use HTTPS from the start.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
        },
        ...crawlerFiles,
      },
    });
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;

    if (props.assetsDir) this.deployContent(props.assetsDir);
    this.suppressNagFindings(props);
  }

  /** Uploads the built app and invalidates CloudFront's copy, as part of `cdk deploy`. */
  private deployContent(assetsDir: string) {
    new BucketDeployment(this, 'Content', {
      sources: [Source.asset(assetsDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // The upload runs in a function CDK provides, one per stack; its findings are acknowledged on it alone.
    const stack = Stack.of(this);
    const uploader = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!uploader) return;
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    Validations.of(uploader).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason: 'The upload function and its Python runtime are provided and updated by aws-cdk-lib, not chosen here.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The CDK-provided upload function comes with the basic execution role; it only writes its own logs.',
      },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          'The CDK upload function copies the app from the CDK asset bucket into the site bucket and prunes old files; these grants are scoped to those two buckets.',
      })),
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
        reason: 'The upload function writes every object of the site bucket, and nothing outside it.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*]`,
        reason: 'The upload function reads the zipped app from the CDK asset bucket of this account.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'cloudfront:CreateInvalidation and GetInvalidation, used to refresh the cache after an upload, have no resource-level permissions in this policy.',
      },
    );
  }

  private suppressNagFindings(props: SiteProps) {
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the public build of the web app, written by the deployment; its reader is CloudFront alone, and server access logs would record nothing of interest.',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'A public municipal service: families may look up offers from anywhere (e.g. while on holiday).',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'API requests are logged by the HTTP API stage; CloudFront standard logs would add visitor IP addresses for static files without a purpose (GDPR data minimisation) and need an ACL-enabled bucket.',
      },
      ...(props.domain
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose minimum protocol cannot be set; configure `domain` to enforce TLS 1.2.',
            },
          ]),
    );
  }
}
