using LabCharts.Jobs.Storage;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>
/// What every <see cref="IObjectStore"/> must do; run against the local folder and against a real
/// S3-compatible server. Each test works under its own prefix so runs never see each other.
/// </summary>
public abstract class ObjectStoreContract
{
    private readonly string _prefix = $"contract-{Guid.NewGuid():N}";

    protected abstract IObjectStore Store { get; }

    private StorageKey Key(params string[] rest) => StorageKey.Of([_prefix, .. rest]);

    [Fact]
    public async Task PutGet_RoundTripsBytesAndContentType()
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = new byte[70_000];
        new Random(42).NextBytes(bytes);
        await Store.PutAsync(Key("chart.png"), bytes, "image/png", ct);

        var stored = await Store.GetAsync(Key("chart.png"), ct);

        Assert.NotNull(stored);
        Assert.Equal(bytes, stored.Content);
        Assert.Equal("image/png", stored.ContentType);
    }

    [Fact]
    public async Task Get_Missing_IsNull() =>
        Assert.Null(await Store.GetAsync(Key("missing.json"), TestContext.Current.CancellationToken));

    [Fact]
    public async Task Put_Twice_SecondReplacesFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await Store.PutAsync(Key("record.json"), "{\"v\":1}"u8.ToArray(), ContentTypes.Json, ct);
        await Store.PutAsync(Key("record.json"), "{\"v\":2}"u8.ToArray(), ContentTypes.Json, ct);

        Assert.Equal("{\"v\":2}"u8.ToArray(), (await Store.GetAsync(Key("record.json"), ct))!.Content);
    }

    [Fact]
    public async Task List_ManyKeys_AllInOrderAcrossPages()
    {
        var ct = TestContext.Current.CancellationToken;
        // More than one S3 page (1000 keys) so continuation tokens are exercised.
        var expected = Enumerable.Range(0, 1_050).Select(i => Key("many", $"k{i:D5}.json").Value).ToList();
        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (key, token) => await Store.PutAsync(StorageKey.Parse(key), "{}"u8.ToArray(), ContentTypes.Json, token));
        await Store.PutAsync(Key("other.json"), "{}"u8.ToArray(), ContentTypes.Json, ct);

        var listed = new List<string>();
        await foreach (var key in Store.ListAsync($"{_prefix}/many/", ct))
        {
            listed.Add(key.Value);
        }

        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task ListFolders_ManyFoldersOfSeveralFiles_OneNameEachInOrderAcrossPages()
    {
        var ct = TestContext.Current.CancellationToken;
        // More folders than one S3 page holds (1000 entries), two files and a sub-folder in each.
        var expected = Enumerable.Range(0, 1_005).Select(i => $"job{i:D5}").ToList();
        var keys = expected.SelectMany(name => new[] { Key("jobs", name, "record.json"), Key("jobs", name, "request.json"), Key("jobs", name, "deeper", "x.json") });
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (key, token) => await Store.PutAsync(key, "{}"u8.ToArray(), ContentTypes.Json, token));
        // A file beside the folders is not a folder; a folder beside the prefix is not under it.
        await Store.PutAsync(Key("jobs", "loose.json"), "{}"u8.ToArray(), ContentTypes.Json, ct);
        await Store.PutAsync(Key("jobsx", "job99999", "record.json"), "{}"u8.ToArray(), ContentTypes.Json, ct);
        // A folder whose every object was deleted is gone.
        await Store.PutAsync(Key("jobs", "emptied", "record.json"), "{}"u8.ToArray(), ContentTypes.Json, ct);
        await Store.DeleteAsync(Key("jobs", "emptied", "record.json"), ct);

        var listed = await Store.ListFoldersAsync($"{_prefix}/jobs/", ct).ToListAsync(ct);

        Assert.Equal(expected, listed);
        Assert.Empty(await Store.ListFoldersAsync($"{_prefix}/nothing-here/", ct).ToListAsync(ct));
    }

    [Fact]
    public async Task Delete_RemovesAndIsIdempotent()
    {
        var ct = TestContext.Current.CancellationToken;
        await Store.PutAsync(Key("gone.json"), "{}"u8.ToArray(), ContentTypes.Json, ct);

        await Store.DeleteAsync(Key("gone.json"), ct);
        await Store.DeleteAsync(Key("gone.json"), ct);

        Assert.Null(await Store.GetAsync(Key("gone.json"), ct));
    }

    [Fact]
    public async Task DeleteMany_RemovesThoseKeysOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var keys = Enumerable.Range(0, 5).Select(i => Key("batch", $"k{i}.json")).ToList();
        foreach (var key in keys)
        {
            await Store.PutAsync(key, "{}"u8.ToArray(), ContentTypes.Json, ct);
        }

        await Store.DeleteManyAsync([keys[0], keys[2], Key("batch", "never-existed.json")], ct);

        var left = new List<string>();
        await foreach (var key in Store.ListAsync($"{_prefix}/batch/", ct))
        {
            left.Add(key.Value);
        }
        Assert.Equal([keys[1].Value, keys[3].Value, keys[4].Value], left);
    }

    [Fact]
    public async Task IsReachable_RunningStore_True() =>
        Assert.True(await Store.IsReachableAsync(TestContext.Current.CancellationToken));
}
