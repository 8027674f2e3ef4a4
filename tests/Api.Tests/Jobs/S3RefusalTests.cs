using System.Text;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs.S3;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>
/// A store that answers and refuses (a bucket that is not there, keys it does not know) is still
/// "unavailable" to callers (503, a worker holds the delivery), but marked as a refusal whose message
/// points at the configuration, so hosts log it as an error (against s3rver, started by test.sh).
/// </summary>
public sealed class S3RefusalTests
{
    private static async Task<StorageUnavailableException> RefusalOfAsync(S3StorageOptions settings)
    {
        using var store = new S3ObjectStore(Options.Create(settings));
        return await Assert.ThrowsAsync<StorageUnavailableException>(() => store.PutAsync(
            StorageKey.Of("refusals", "record.json"), Encoding.UTF8.GetBytes("{}"), ContentTypes.Json, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MissingBucket_RefusedStorageUnavailable_MessageSaysCheckTheBucket()
    {
        var settings = S3Settings.ForTests();
        settings.Bucket = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];

        var error = await RefusalOfAsync(settings);

        Assert.True(error.Refused);
        Assert.Contains("404 NoSuchBucket", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the bucket, endpoint and credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBucket_OnRead_RefusedNotNotFound()
    {
        var settings = S3Settings.ForTests();
        settings.Bucket = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];
        using var store = new S3ObjectStore(Options.Create(settings));

        // A wrong bucket must never read as "no such job" (a worker would drop the message).
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            store.GetAsync(StorageKey.Of("refusals", "record.json"), TestContext.Current.CancellationToken));

        Assert.True(error.Refused);
        Assert.Contains("NoSuchBucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAccessKey_RefusedStorageUnavailable()
    {
        var settings = S3Settings.ForTests();
        settings.AccessKey = "NOT-A-KEY";

        var error = await RefusalOfAsync(settings);

        Assert.True(error.Refused);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreNotListening_OutageNotRefusal()
    {
        var settings = S3Settings.ForTests();
        settings.Endpoint = $"http://127.0.0.1:{TestServices.FreePort()}";
        settings.MaxErrorRetry = 0;

        var error = await RefusalOfAsync(settings);

        Assert.False(error.Refused);
    }
}
