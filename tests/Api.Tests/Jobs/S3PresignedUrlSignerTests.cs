using System.Net;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs.S3;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

public sealed class S3PresignedUrlSignerTests
{
    private static S3PresignedUrlSigner Signer(S3StorageOptions options, TimeSpan lifetime) =>
        new(Options.Create(options), Options.Create(new StorageOptions { UrlLifetime = lifetime }), TimeProvider.System);

    [Fact]
    public async Task Sign_PlainHttpClient_DownloadsUntilExpiredThenRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = S3Settings.ForTests();
        using var store = new S3ObjectStore(Options.Create(settings));
        var key = StorageKey.Of($"presign-{Guid.NewGuid():N}", "chart.png");
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        await store.PutAsync(key, bytes, "image/png", ct);
        using var signer = Signer(settings, TimeSpan.FromSeconds(2));

        var signed = signer.Sign(key);
        using var http = new HttpClient();
        using var fresh = await http.GetAsync(signed.Url, ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(bytes, await fresh.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal("image/png", fresh.Content.Headers.ContentType?.MediaType);

        await Task.Delay(signed.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5), ct);
        using var expired = await http.GetAsync(signed.Url, ct);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task Sign_PublicEndpoint_UrlIsForThePublicHostAndWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        // The service talks to 127.0.0.1; the browser knows the store as localhost (compose: minio vs localhost).
        var internalEndpoint = new Uri(TestServices.S3Endpoint);
        var publicEndpoint = $"http://localhost:{internalEndpoint.Port}";
        var settings = S3Settings.ForTests(publicEndpoint);
        using var store = new S3ObjectStore(Options.Create(settings));
        var key = StorageKey.Of($"public-{Guid.NewGuid():N}", "chart.svg");
        await store.PutAsync(key, "<svg/>"u8.ToArray(), "image/svg+xml", ct);
        using var signer = Signer(settings, TimeSpan.FromMinutes(5));

        var url = new Uri(signer.Sign(key).Url);

        Assert.Equal("http", url.Scheme);
        Assert.Equal("localhost", url.Host);
        Assert.StartsWith($"/{TestServices.S3Bucket}/", url.AbsolutePath, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal("<svg/>", await http.GetStringAsync(url, ct));
    }

    [Fact]
    public async Task Sign_PublicEndpointIsTheBucketsOwnDomain_KeyIsThePath_AndTheStoreAcceptsIt()
    {
        // A domain bound to the bucket (a COS custom origin domain). s3rver serves a request whose host is
        // not an address as the bucket of that name, as S3 does for a CNAME: so the bucket is named as the domain.
        var ct = TestContext.Current.CancellationToken;
        var port = new Uri(TestServices.S3Endpoint).Port;
        var domain = $"charts-{Guid.NewGuid():N}"[..20] + ".example";
        var settings = S3Settings.ForTests($"http://{domain}:{port}");
        settings.Bucket = domain;
        settings.PublicEndpointIsBucket = true;
        using (var admin = new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(TestServices.S3AccessKey, TestServices.S3SecretKey),
            new Amazon.S3.AmazonS3Config { ServiceURL = TestServices.S3Endpoint, ForcePathStyle = true, UseHttp = true, AuthenticationRegion = "us-east-1" }))
        {
            await admin.PutBucketAsync(domain, ct);
        }
        using var store = new S3ObjectStore(Options.Create(settings));
        var key = StorageKey.Of($"domain-{Guid.NewGuid():N}", "chart.svg");
        await store.PutAsync(key, "<svg id=\"d\"/>"u8.ToArray(), "image/svg+xml", ct);
        using var signer = Signer(settings, TimeSpan.FromMinutes(5));

        var url = new Uri(signer.Sign(key).Url);

        Assert.Equal(domain, url.Host);
        Assert.Equal($"/{key.Value}", url.AbsolutePath);
        Assert.Contains("X-Amz-Signature=", url.Query, StringComparison.Ordinal);
        // The domain's DNS (a CNAME to the bucket) is played by connecting every host to the store on loopback.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, token);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });
        Assert.Equal("<svg id=\"d\"/>", await http.GetStringAsync(url, ct));
        // (s3rver does not check the signature of a request by bucket host, so the signature itself is
        // not proven here; docs/deploy.md says so.)
    }

    [Theory]
    // COS buckets created since 2024 refuse path-style: virtual-hosted, https.
    [InlineData("https://cos.ap-shanghai.myqcloud.com", "labcharts-1250000000.cos.ap-shanghai.myqcloud.com", "https", "/jobs/a/chart.png")]
    // MinIO inside compose (single-label host) and on localhost: path-style, http kept as http.
    [InlineData("http://minio:9000", "minio", "http", "/labcharts-1250000000/jobs/a/chart.png")]
    [InlineData("http://localhost:9000", "localhost", "http", "/labcharts-1250000000/jobs/a/chart.png")]
    public void Sign_AddressingStylePerStore(string endpoint, string host, string scheme, string path)
    {
        // Presigning is local computation: no server is contacted.
        using var signer = Signer(new S3StorageOptions
        {
            Endpoint = endpoint, Bucket = "labcharts-1250000000", Region = "ap-shanghai", AccessKey = "id", SecretKey = "secret",
        }, TimeSpan.FromMinutes(10));

        var url = new Uri(signer.Sign(StorageKey.Of("jobs", "a", "chart.png")).Url);

        Assert.Equal(host, url.Host);
        Assert.Equal(scheme, url.Scheme);
        Assert.Equal(path, url.AbsolutePath);
        Assert.Contains("X-Amz-Signature=", url.Query, StringComparison.Ordinal);
        // The SDK counts the lifetime from its own clock reading, a moment after ours.
        Assert.Matches("X-Amz-Expires=(59[5-9]|600)(&|$)", url.Query);
    }

    [Fact]
    public void PathStyle_ExplicitSetting_Wins()
    {
        var options = new S3StorageOptions { ForcePathStyle = true };
        Assert.True(options.PathStyleFor(new Uri("https://cos.ap-shanghai.myqcloud.com")));
    }
}
