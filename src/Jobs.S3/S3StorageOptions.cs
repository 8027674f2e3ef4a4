namespace LabCharts.Jobs.S3;

/// <summary>
/// <c>Storage:S3:*</c> — an S3-compatible store (Tencent COS, MinIO, AWS). Setting
/// <see cref="Endpoint"/> switches storage from the local folder to S3.
/// </summary>
public sealed class S3StorageOptions
{
    /// <summary>What the service talks to, e.g. <c>http://minio:9000</c> or <c>https://cos.ap-shanghai.myqcloud.com</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>What presigned URLs are signed for (the browser's view); defaults to <see cref="Endpoint"/>.</summary>
    public string? PublicEndpoint { get; set; }

    /// <summary>Bucket name (COS: <c>name-appid</c>).</summary>
    public string Bucket { get; set; } = "labcharts";

    /// <summary>Signing region (COS: <c>ap-shanghai</c> …; MinIO accepts any).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Access key id (COS: SecretId).</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret key (COS: SecretKey).</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// True when <see cref="PublicEndpoint"/> is a domain bound to the bucket itself (a COS custom origin
    /// domain, 自定义源站域名, or any CNAME of the bucket): signed URLs are then
    /// <c>{PublicEndpoint}/{key}</c>, signed for that host, with the bucket in neither host nor path.
    /// </summary>
    public bool PublicEndpointIsBucket { get; set; }

    /// <summary>
    /// Where the keys come from: <c>keys</c> (default: <see cref="AccessKey"/>/<see cref="SecretKey"/>, or
    /// anonymous without them) or <c>cloudrun</c> (temporary COS keys from <see cref="CloudRunAuthUrl"/>).
    /// </summary>
    public string CredentialSource { get; set; } = "keys";

    /// <summary>WeChat Cloud Run's credential service (plain http inside the platform's network).</summary>
    public string CloudRunAuthUrl { get; set; } = "http://api.weixin.qq.com/_/cos/getauth";

    /// <summary>Temporary keys are fetched again this long before they expire.</summary>
    public TimeSpan CredentialRefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True with <c>CredentialSource=cloudrun</c>.</summary>
    public bool UsesCloudRunCredentials => string.Equals(CredentialSource, "cloudrun", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Path-style URLs (<c>endpoint/bucket/key</c>). Null means: path-style for <c>localhost</c>,
    /// IP addresses and single-label hosts (MinIO in compose), virtual-hosted otherwise — COS buckets
    /// created since 2024 refuse path-style.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>SDK retries of a failed request (timeouts, 5xx, throttling) before the caller sees the error.</summary>
    public int MaxErrorRetry { get; set; } = 3;

    /// <summary>True when S3 is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>The addressing style to use for <paramref name="endpoint"/>.</summary>
    public bool PathStyleFor(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return ForcePathStyle ?? (endpoint.IsLoopback || endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            || !endpoint.Host.Contains('.', StringComparison.Ordinal));
    }
}
