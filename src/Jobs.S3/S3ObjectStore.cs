using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.S3;

/// <summary>
/// Storage in an S3-compatible bucket through AWSSDK.S3, with the settings COS and older MinIO need
/// (docs/architecture.md, "Decisions"): checksums only when required, no aws-chunked uploads
/// (s3rver stores them corrupted, COS refuses them), path- or virtual-hosted-style per store. A PUT replaces the whole
/// object atomically, so readers never see half of one.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;

    /// <summary>Connects to the configured endpoint with <paramref name="credentials"/> (by default the ones the settings name).</summary>
    public S3ObjectStore(IOptions<S3StorageOptions> options, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _bucket = settings.Bucket;
        _client = S3Clients.Create(settings, new Uri(settings.Endpoint!), credentials ?? S3Clients.CredentialsFor(settings));
    }

    /// <inheritdoc />
    public Task PutAsync(StorageKey key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) =>
        GuardAsync(key, async () =>
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key.Value,
                InputStream = stream,
                ContentType = contentType,
                UseChunkEncoding = false,
                AutoCloseStream = false,
            }, cancellationToken);
            return true;
        });

    /// <inheritdoc />
    public Task<StoredObject?> GetAsync(StorageKey key, CancellationToken cancellationToken) =>
        GuardAsync(key, async () =>
        {
            // The SDK checks the body against its checksum; a mismatch (a read racing an overwrite on a
            // store that does not replace objects atomically, or a damaged transfer) is worth a second read.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var response = await _client.GetObjectAsync(_bucket, key.Value, cancellationToken);
                    using var buffer = new MemoryStream(response.ContentLength > 0 ? (int)response.ContentLength : 4096);
                    await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
                    return new StoredObject(buffer.ToArray(), response.Headers.ContentType ?? ContentTypes.ForKey(key));
                }
                catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound && error.ErrorCode != "NoSuchBucket")
                {
                    // No such key. A missing bucket is a refusal (below), never "no such job".
                    return null;
                }
                catch (Exception error) when (attempt < 4 && error is not OperationCanceledException
                    && error is not AmazonServiceException { StatusCode: not HttpStatusCode.InternalServerError and not HttpStatusCode.ServiceUnavailable })
                {
                    await Task.Delay(25 * attempt, cancellationToken);
                }
            }
        });

    /// <inheritdoc />
    public async IAsyncEnumerable<StorageKey> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix, MaxKeys = 1000 };
        await foreach (var response in PagesAsync(request, $"{prefix}*", cancellationToken))
        {
            foreach (var item in response.S3Objects ?? [])
            {
                // Objects that other tools put in the bucket under odd names are not ours: skip them.
                if (StorageKey.TryParse(item.Key, out var key))
                {
                    yield return key;
                }
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListFoldersAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix, Delimiter = "/", MaxKeys = 1000 };
        var last = "";
        await foreach (var response in PagesAsync(request, $"{prefix}*/", cancellationToken))
        {
            foreach (var common in response.CommonPrefixes ?? [])
            {
                // "{prefix}{name}/": the name alone, when it is one a key may hold; once, though some
                // S3-compatible stores repeat a page's last prefix at the start of the next.
                var name = common.Length > prefix.Length + 1 && common.StartsWith(prefix, StringComparison.Ordinal) ? common[prefix.Length..^1] : "";
                if (StorageKey.IsSafeSegment(name) && name != last)
                {
                    last = name;
                    yield return name;
                }
            }
        }
    }

    /// <summary>Every page of a listing, following the continuation tokens.</summary>
    private async IAsyncEnumerable<ListObjectsV2Response> PagesAsync(ListObjectsV2Request request, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await GuardAsync(what, () => _client.ListObjectsV2Async(request, cancellationToken));
            yield return response;
            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }
            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken) =>
        GuardAsync(key, async () => await _client.DeleteObjectAsync(_bucket, key.Value, cancellationToken));

    /// <inheritdoc />
    public async Task DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // S3 takes at most 1000 keys per multi-object delete; COS insists on Content-MD5 (S3Clients).
        foreach (var chunk in keys.Chunk(1000))
        {
            var response = await GuardAsync(chunk[0], () => _client.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = _bucket,
                Objects = [.. chunk.Select(key => new KeyVersion { Key = key.Value })],
                Quiet = true,
            }, cancellationToken));
            if (response.DeleteErrors is { Count: > 0 } errors)
            {
                throw new StorageUnavailableException($"Could not delete {errors.Count} objects, e.g. '{errors[0].Key}': {errors[0].Message}");
            }
        }
    }

    /// <summary>
    /// The SDK has already retried timeouts and 5xx (<see cref="S3StorageOptions.MaxErrorRetry"/>);
    /// what still fails is the store being unavailable, which callers turn into 503 or a retry.
    /// </summary>
    private static Task<T> GuardAsync<T>(StorageKey key, Func<Task<T>> operation) => GuardAsync(key.Value, operation);

    private static async Task<T> GuardAsync<T>(string what, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (AmazonServiceException error) when (IsRefusal(error))
        {
            // Still "unavailable" to callers (503, a worker holds the delivery): nothing is lost while the
            // operator mends it, but the message says where to look.
            throw new StorageUnavailableException(
                $"Object storage refused '{what}' ({(int)error.StatusCode} {error.ErrorCode}): check the bucket, endpoint and credentials. {error.Message}", error)
            { Refused = true };
        }
        catch (Exception error) when (IsOutage(error))
        {
            throw new StorageUnavailableException($"Object storage failed on '{what}': {error.Message}", error);
        }
    }

    /// <summary>A 4xx that is no passing condition (not a timeout, a throttle or a conflict).</summary>
    private static bool IsRefusal(AmazonServiceException error) =>
        (int)error.StatusCode is >= 400 and < 500
        && error.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests)
        // S3 answers its own idle-socket timeout as 400 RequestTimeout: a passing condition too.
        && error.ErrorCode is not "RequestTimeout";

    /// <summary>
    /// What a store that does not answer, answers badly or drops the connection throws: SDK errors, HTTP and
    /// socket errors (a reset can surface as a bare <see cref="System.Net.Sockets.SocketException"/>), timeouts.
    /// </summary>
    private static bool IsOutage(Exception error) =>
        error is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
            or System.Net.Sockets.SocketException or TimeoutException
            // The SDK's own timeout, not a caller's cancellation (callers pass their token; that one is rethrown as is).
            or TaskCanceledException { InnerException: TimeoutException }
            // The SDK's ETag/MD5 check throws this on a malformed ETag (a torn read on a store without atomic overwrite).
            or ArgumentOutOfRangeException;

    /// <inheritdoc />
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 1 }, cancellationToken);
            return true;
        }
        catch (Exception error) when (IsOutage(error) || error is TaskCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
