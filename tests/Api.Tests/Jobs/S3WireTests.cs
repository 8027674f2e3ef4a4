using System.Net;
using System.Security.Cryptography;
using System.Text;
using LabCharts.Jobs.S3;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>
/// What we put on the wire for the COS/MinIO pitfalls that the test S3 server does not check:
/// a loopback listener plays the store and records each request.
/// </summary>
public sealed class S3WireTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Method, string Path, WebHeaderCollection Headers, byte[] Body)> _requests = [];
    private readonly Task _serving;
    private readonly string _endpoint;

    public S3WireTests()
    {
        var port = TestServices.FreePort();
        _endpoint = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_endpoint);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_requests)
            {
                _requests.Add((context.Request.HttpMethod, context.Request.Url!.PathAndQuery, new WebHeaderCollection { context.Request.Headers }, body.ToArray()));
            }
            var query = context.Request.QueryString;
            var reply = context.Request.HttpMethod == "POST"
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>"u8.ToArray()
                : query["list-type"] == "2" && query["delimiter"] == "/" ? Encoding.UTF8.GetBytes(FolderPage(query["prefix"]!, query["continuation-token"]))
                : [];
            context.Response.StatusCode = 200;
            context.Response.Headers["ETag"] = "\"d41d8cd98f00b204e9800998ecf8427e\"";
            context.Response.ContentType = "application/xml";
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }

    /// <summary>
    /// A delimiter listing in two pages, as S3 sends them: the first truncated with a continuation token,
    /// the second repeating the first page's last prefix (some S3-compatible stores do).
    /// </summary>
    private static string FolderPage(string prefix, string? token)
    {
        var (names, next) = token is null ? (new[] { "a", "b" }, "page-2") : (["b", "c"], null);
        var prefixes = string.Concat(names.Select(n => $"<CommonPrefixes><Prefix>{prefix}{n}/</Prefix></CommonPrefixes>"));
        var truncated = next is null ? "<IsTruncated>false</IsTruncated>" : $"<IsTruncated>true</IsTruncated><NextContinuationToken>{next}</NextContinuationToken>";
        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>labcharts</Name><Prefix>{prefix}</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter>{truncated}{prefixes}</ListBucketResult>";
    }

    [Fact]
    public async Task ListFolders_FollowsTheContinuationToken_EachNameOnce()
    {
        using var store = Store();

        var names = await store.ListFoldersAsync("jobs/u1/", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b", "c"], names);
        var lists = _requests.Where(r => r.Method == "GET").Select(r => r.Path).ToList();
        Assert.Equal(2, lists.Count);
        Assert.DoesNotContain("continuation-token", lists[0], StringComparison.Ordinal);
        Assert.Contains("continuation-token=page-2", lists[1], StringComparison.Ordinal);
    }

    private S3ObjectStore Store() => new(Options.Create(new S3StorageOptions
    {
        Endpoint = _endpoint, Bucket = "labcharts", AccessKey = "id", SecretKey = "secret", MaxErrorRetry = 0,
    }));

    [Fact]
    public async Task DeleteMany_SendsContentMd5OfTheBody()
    {
        using var store = Store();

        await store.DeleteManyAsync([StorageKey.Of("jobs", "a", "chart.png"), StorageKey.Of("jobs", "a", "record.json")], TestContext.Current.CancellationToken);

        var request = Assert.Single(_requests, r => r.Method == "POST");
        Assert.Contains("delete", request.Path, StringComparison.Ordinal);
        var md5 = request.Headers["Content-MD5"];
        Assert.False(string.IsNullOrEmpty(md5), "COS refuses a multi-object delete without Content-MD5");
#pragma warning disable CA5351 // Content-MD5 is what the S3 protocol specifies here, not a security use
        Assert.Equal(Convert.ToBase64String(MD5.HashData(request.Body)), md5);
#pragma warning restore CA5351
    }

    [Fact]
    public async Task Put_NoChunkedEncodingAndNoChecksumTrailer()
    {
        using var store = Store();
        var bytes = new byte[] { 1, 2, 3, 4, 5 };

        await store.PutAsync(StorageKey.Of("jobs", "a", "chart.png"), bytes, "image/png", TestContext.Current.CancellationToken);

        var request = Assert.Single(_requests, r => r.Method == "PUT");
        Assert.Equal(bytes, request.Body);
        Assert.Equal("image/png", request.Headers["Content-Type"]);
        Assert.DoesNotContain("aws-chunked", request.Headers["Content-Encoding"] ?? "", StringComparison.Ordinal);
        Assert.Null(request.Headers["x-amz-trailer"]);
        Assert.Null(request.Headers["x-amz-decoded-content-length"]);
        Assert.Equal("/labcharts/jobs/a/chart.png", request.Path);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.GetAwaiter().GetResult();
    }
}
