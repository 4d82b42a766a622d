import { Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  OriginRequestPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { endpoints } from '../functions/contract/endpoints.js';
import { assetCacheControl } from '../functions/http/asset-caching.js';

export interface H5HostingProps {
  /** The API, served from the same origin under /v1 (the app calls relative URLs: no CORS). */
  api: HttpApi;
  /** The built H5 app (miniapp/dist/h5) to upload; unset, the bucket is made but left empty. */
  appDir?: string;
  /** A custom domain for the app, with an ACM certificate issued in us-east-1 (CloudFront's rule). */
  domain?: { name: string; certificateArn: string };
}

/**
 * The H5 app for browsers: a private bucket behind CloudFront (origin access control), cached as
 * the local server caches it (functions/http/asset-caching.ts), compressed at the edge, with the
 * API on the same origin and the public listing kept at the edge for as long as it says (1 s).
 */
export class H5Hosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: H5HostingProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'App', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    });

    // Objects carry their own Cache-Control (set on upload below); the edge follows it.
    const appCache = new CachePolicy(this, 'AppCache', {
      comment: 'M餐 H5 app: hashed files a year, index.html revalidated (object Cache-Control)',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingBrotli: true,
      enableAcceptEncodingGzip: true,
    });
    const listingCache = new CachePolicy(this, 'ListingCache', {
      comment: 'M餐 public listing: at most as old as the API says (max-age=1), per query',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(endpoints.listProviders.maxAgeSeconds),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingBrotli: true,
      enableAcceptEncodingGzip: true,
    });

    const api = new HttpOrigin(Fn.parseDomainName(props.api.apiEndpoint));
    const apiBehavior = {
      origin: api,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // Uncached, so every header (Authorization, Idempotency-Key) reaches the API as sent.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'M餐 H5 app and API',
      defaultRootObject: 'index.html',
      domainNames: props.domain ? [props.domain.name] : undefined,
      certificate: props.domain ? Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn) : undefined,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: appCache,
        compress: true,
      },
      additionalBehaviors: {
        [endpoints.listProviders.path]: { ...apiBehavior, cachePolicy: listingCache, originRequestPolicy: undefined, compress: true },
        '/v1/*': apiBehavior,
      },
    });

    if (props.appDir) {
      // Two uploads, neither pruning the other's files: the hashed assets first, then the page that names them.
      const hashed = new BucketDeployment(this, 'HashedAssets', {
        destinationBucket: this.bucket,
        sources: [Source.asset(props.appDir)],
        include: ['js/*', 'css/*'],
        exclude: ['*'],
        cacheControl: [CacheControl.fromString(assetCacheControl.hashed)],
        prune: false,
      });
      const page = new BucketDeployment(this, 'Page', {
        destinationBucket: this.bucket,
        sources: [Source.asset(props.appDir)],
        exclude: ['js/*', 'css/*'],
        cacheControl: [CacheControl.fromString(assetCacheControl.page)],
        prune: false,
        distribution: this.distribution,
        distributionPaths: ['/index.html'],
      });
      page.node.addDependency(hashed);
    }
    this.acknowledgeFindings(Boolean(props.domain), Boolean(props.appDir));
  }

  private acknowledgeFindings(customDomain: boolean, uploads: boolean): void {
    const here = Validations.of(this);
    here.acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds only the public build of the H5 app, read through CloudFront alone; requests are logged where they matter, at the API stage.',
    });
    here.acknowledge({ id: 'AwsSolutions-CFR1', reason: 'The programme is open to anyone who reaches it; there is no geography to refuse.' });
    here.acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'No WAF: the API throttles per route group at the stage and per identity and address in the functions (docs/capacity.md); the app itself is static files.',
    });
    here.acknowledge({ id: 'AwsSolutions-CFR3', reason: 'No CloudFront access logs: static files carry nothing to audit, and API calls are logged at the stage without source addresses.' });
    if (!customDomain) {
      here.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain CloudFront serves its default certificate, whose TLS floor cannot be raised; pass appDomain to get TLS 1.2 and up.',
      });
    }
    if (uploads) {
      // BucketDeployment's function is one per stack, created beside this construct, not in it.
      const copier = Stack.of(this).node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
      for (const fn of copier) {
        const there = Validations.of(fn);
        there.acknowledge({
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'CDK’s BucketDeployment function logs with the AWS-managed basic execution role (CloudWatch Logs writes only).',
        });
        const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
        for (const evidence of [
          'Action::s3:Abort*',
          'Action::s3:DeleteObject*',
          'Action::s3:GetBucket*',
          'Action::s3:GetObject*',
          'Action::s3:List*',
          `Resource::<${bucketId}.Arn>/*`,
          'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
          'Resource::*',
        ]) {
          there.acknowledge({
            id: `AwsSolutions-IAM5[${evidence}]`,
            reason:
              'CDK’s BucketDeployment function copies the build from the CDK asset bucket into the app bucket (object actions on those two buckets only) and invalidates the distribution (CloudFront takes no narrower resource there).',
          });
        }
        there.acknowledge({ id: 'AwsSolutions-L1', reason: 'CDK’s BucketDeployment function runs the runtime CDK chooses for it, and only while deploying.' });
      }
    }
  }
}
