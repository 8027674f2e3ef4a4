using Amazon.Runtime;
using Amazon.S3;

namespace LabCharts.Jobs.S3;

/// <summary>Builds SDK clients configured for S3-compatible stores (COS, MinIO), not only AWS.</summary>
internal static class S3Clients
{
    public static AmazonS3Client Create(S3StorageOptions settings, Uri endpoint)
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
        var credentials = string.IsNullOrEmpty(settings.AccessKey)
            ? (AWSCredentials)new AnonymousAWSCredentials()
            : new BasicAWSCredentials(settings.AccessKey, settings.SecretKey);
        return new LabChartsS3Client(credentials, config);
    }
}
