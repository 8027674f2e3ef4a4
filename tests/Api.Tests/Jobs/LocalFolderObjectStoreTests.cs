using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

public sealed class LocalFolderObjectStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "labcharts-store", Guid.NewGuid().ToString("N"));
    private readonly LocalFolderObjectStore _store;

    public LocalFolderObjectStoreTests() =>
        _store = new LocalFolderObjectStore(Options.Create(new LocalStorageOptions { Root = _root }));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task PutGet_RoundTripsBytesAndContentType()
    {
        var key = StorageKey.Of("jobs", "u1", "j1", "chart.png");
        await _store.PutAsync(key, new byte[] { 1, 2, 3 }, "image/png", TestContext.Current.CancellationToken);

        var stored = await _store.GetAsync(key, TestContext.Current.CancellationToken);

        Assert.NotNull(stored);
        Assert.Equal(new byte[] { 1, 2, 3 }, stored.Content);
        Assert.Equal("image/png", stored.ContentType);
    }

    [Fact]
    public async Task Get_Missing_IsNull() =>
        Assert.Null(await _store.GetAsync(StorageKey.Of("nothing.json"), TestContext.Current.CancellationToken));

    [Fact]
    public async Task List_Prefix_ReturnsOrderedKeysAndHidesPartialFiles()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.PutAsync(StorageKey.Of("jobs", "u1", "b", "record.json"), "{}"u8.ToArray(), ContentTypes.Json, ct);
        await _store.PutAsync(StorageKey.Of("jobs", "u1", "a", "record.json"), "{}"u8.ToArray(), ContentTypes.Json, ct);
        await _store.PutAsync(StorageKey.Of("jobs", "u2", "c", "record.json"), "{}"u8.ToArray(), ContentTypes.Json, ct);
        // What a crashed writer leaves behind must never be listed as an object.
        await File.WriteAllTextAsync(Path.Combine(_root, "jobs", "u1", "a", ".record.json.123.partial"), "{", ct);

        var keys = new List<string>();
        await foreach (var key in _store.ListAsync("jobs/u1/", ct))
        {
            keys.Add(key.Value);
        }

        Assert.Equal(["jobs/u1/a/record.json", "jobs/u1/b/record.json"], keys);
    }

    [Fact]
    public async Task Put_Overwrite_ReadersSeeWholeObjects()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = StorageKey.Of("big.bin");
        var first = Enumerable.Repeat((byte)1, 4 << 20).ToArray();
        var second = Enumerable.Repeat((byte)2, 4 << 20).ToArray();
        await _store.PutAsync(key, first, "application/octet-stream", ct);

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await _store.PutAsync(key, i % 2 == 0 ? second : first, "application/octet-stream", ct);
            }
        }, ct);
        while (!writer.IsCompleted)
        {
            var read = (await _store.GetAsync(key, ct))!.Content;
            Assert.Equal(4 << 20, read.Length);
            Assert.True(read.All(b => b == read[0]), "a reader saw a mix of two writes");
        }
        await writer;
    }
}
