using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.S3;

/// <summary>
/// Presigned GET URLs for the public endpoint (what the browser reaches, e.g. <c>http://localhost:9000</c>),
/// which may differ from the endpoint the service uses (<c>http://minio:9000</c> inside compose).
/// Signing is local computation: no request is made.
/// </summary>
public sealed class S3PresignedUrlSigner : IArtifactUrlSigner, IDisposable
{
    private readonly AmazonS3Client _publicClient;
    private readonly string _bucket;
    private readonly Uri _publicEndpoint;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly AWSCredentials _credentials;

    // The shortest life a URL signed with temporary keys gets: a minute, or half the refresh margin if
    // that is shorter (keys that never live longer than the minimum would otherwise be fetched on every URL).
    private readonly TimeSpan _minimumLifetime;

    /// <summary>Prepares a client for the public endpoint.</summary>
    public S3PresignedUrlSigner(IOptions<S3StorageOptions> s3, IOptions<StorageOptions> storage, TimeProvider time, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(storage);
        var settings = s3.Value;
        _publicEndpoint = new Uri(string.IsNullOrWhiteSpace(settings.PublicEndpoint) ? settings.Endpoint! : settings.PublicEndpoint);
        _credentials = credentials ?? S3Clients.CredentialsFor(settings);
        _minimumLifetime = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, settings.CredentialRefreshBefore.Ticks / 2));
        _publicClient = settings.PublicEndpointIsBucket
            ? S3Clients.CreateForBucketDomain(settings, _publicEndpoint, _credentials)
            : S3Clients.Create(settings, _publicEndpoint, _credentials);
        _bucket = settings.Bucket;
        _lifetime = storage.Value.UrlLifetime;
        _time = time;
    }

    /// <inheritdoc />
    public SignedUrl Sign(StorageKey key)
    {
        // Whole seconds, like the X-Amz-Expires the URL carries. A URL signed with temporary keys stops
        // working when they expire, so it is given no longer than they have left (they are fresh here:
        // GetCredentials refreshes keys that are expired or about to be).
        var expiresAt = _time.GetUtcNow().Add(_lifetime);
        if (_credentials is RefreshingAWSCredentials temporary)
        {
            try
            {
                // Keys with at least the minimum left, fetched now if the current ones have less.
                temporary.GetCredentials(_minimumLifetime);
            }
            catch (AmazonClientException error)
            {
                throw new StorageUnavailableException($"No storage keys to sign with: {error.Message}", error);
            }
            if (temporary.Expiration is { } keysExpire && new DateTimeOffset(DateTime.SpecifyKind(keysExpire, DateTimeKind.Utc)) < expiresAt)
            {
                expiresAt = new DateTimeOffset(DateTime.SpecifyKind(keysExpire, DateTimeKind.Utc));
            }
        }
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
        var url = _publicClient.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = key.Value,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            // Without this the SDK may write https for an http endpoint; the scheme is not signed.
            Protocol = _publicEndpoint.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS,
        });
        return new SignedUrl(url, expiresAt);
    }

    /// <inheritdoc />
    public void Dispose() => _publicClient.Dispose();
}
