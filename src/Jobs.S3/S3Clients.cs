using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LabCharts.Jobs.S3;

/// <summary>Builds SDK clients configured for S3-compatible stores (COS, MinIO), not only AWS.</summary>
internal static class S3Clients
{
    /// <summary>The credentials the settings name: temporary Cloud Run keys, fixed keys, or none.</summary>
    public static AWSCredentials CredentialsFor(S3StorageOptions settings, ILoggerFactory? logging = null) =>
        settings.UsesCloudRunCredentials
            ? new CloudRunCosCredentials(new Uri(settings.CloudRunAuthUrl), settings.CredentialRefreshBefore,
                (logging ?? NullLoggerFactory.Instance).CreateLogger<CloudRunCosCredentials>())
            : string.IsNullOrEmpty(settings.AccessKey)
                ? new AnonymousAWSCredentials()
                : new BasicAWSCredentials(settings.AccessKey, settings.SecretKey);

    /// <summary>A client whose every request goes to <paramref name="bucketDomain"/> itself: a domain bound to the bucket.</summary>
    public static AmazonS3Client CreateForBucketDomain(S3StorageOptions settings, Uri bucketDomain, AWSCredentials credentials) =>
        Create(settings, bucketDomain, credentials, new BucketDomainEndpoints(bucketDomain));

    public static AmazonS3Client Create(S3StorageOptions settings, Uri endpoint, AWSCredentials credentials, IEndpointProvider? endpoints = null)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = settings.Region,
            ForcePathStyle = settings.PathStyleFor(endpoint),
            UseHttp = endpoint.Scheme == Uri.UriSchemeHttp,
            // The SDK's newer CRC trailers are refused by COS and older MinIO.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = settings.Timeout,
            MaxErrorRetry = settings.MaxErrorRetry,
            RetryMode = RequestRetryMode.Standard,
        };
        if (endpoints is not null)
        {
            config.EndpointProvider = endpoints;
        }
        return new LabChartsS3Client(credentials, config);
    }

    /// <summary>Resolves every request to the bucket's own domain: the key is the whole path.</summary>
    private sealed class BucketDomainEndpoints(Uri domain) : IEndpointProvider
    {
        private readonly string _url = domain.GetLeftPart(UriPartial.Authority);

        // Empty attributes (not none): the S3 client reads them, e.g. to tell directory buckets apart.
        public Endpoint ResolveEndpoint(EndpointParameters parameters) => new(_url, "{}", "{}");
    }
}
