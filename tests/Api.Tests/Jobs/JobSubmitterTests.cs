using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs;
using LabCharts.Jobs.Events;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Submission;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>
/// A submission the store fails part-way: a write the store took may have lost its answer (a cut
/// connection), so the caller hears "refused" while something landed. What landed must not become a job
/// behind the caller's back, and must not be left half.
/// </summary>
public sealed class JobSubmitterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "labcharts-tests", Guid.NewGuid().ToString("N"));
    private readonly AnswerLosingStore _store;
    private readonly JobRecordStore _records;
    private readonly InProcessJobQueue _queue = new();
    private readonly InProcessJobEvents _events = new(new JobEventHub(NullLogger<JobEventHub>.Instance));
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly IOptions<SweeperOptions> _sweeperOptions = Options.Create(new SweeperOptions());
    private readonly JobSubmitter _submitter;

    public JobSubmitterTests()
    {
        _store = new AnswerLosingStore(new LocalFolderObjectStore(Options.Create(new LocalStorageOptions { Root = _root })));
        _records = new JobRecordStore(_store);
        _submitter = new JobSubmitter(_records, _queue, _events, _time, _sweeperOptions, NullLogger<JobSubmitter>.Instance);
    }

    /// <summary>One pass of the sweeper, <paramref name="later"/> after now.</summary>
    private async Task SweepAsync(TimeSpan later)
    {
        _time.Advance(later);
        var sweeper = new JobSweeper(_records, _submitter, _events, _sweeperOptions, _time, NullLogger<JobSweeper>.Instance);
        await sweeper.SweepAsync(_sweeperOptions.Value.StaleAfter, TestContext.Current.CancellationToken);
    }

    private static JobRequest Pendulum => JsonSerializer.Deserialize(SampleRequests.Pendulum, LabChartsJson.Default.JobRequest)!;

    [Fact]
    public async Task RecordStoredButItsAnswerLost_Refused_RecordEndsFailedStorageUnavailable_NothingPublishedOrPending()
    {
        var ct = TestContext.Current.CancellationToken;
        _store.LoseAnswerOf = "record.json";
        var record = _submitter.NewRecord("owner1", "pendulum", null);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => _submitter.SubmitAsync(record, Pendulum, ct));

        var stored = await _records.GetAsync("owner1", record.Id, ct);
        Assert.Equal(JobStatus.Failed, stored!.Status);
        Assert.Equal("storage_unavailable", stored.Error!.Code);
        Assert.NotNull(await _records.GetRequestAsync("owner1", record.Id, ct));
        Assert.Empty(await _records.ListPendingAsync(ct).ToListAsync(ct));
        Assert.Equal(0, (await _queue.GetAsync(ct)).Sum(d => d.Messages));
    }

    [Fact]
    public async Task MarkerStoredButItsAnswerLost_Refused_NoRecord_TheSweeperDropsRequestAndMarkerOnceStale()
    {
        var ct = TestContext.Current.CancellationToken;
        _store.LoseAnswerOf = ".json"; // the pending marker: pending/{owner}/{id}.json
        _store.OnlyUnder = "pending/";
        var record = _submitter.NewRecord("owner1", "pendulum", null);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => _submitter.SubmitAsync(record, Pendulum, ct));

        // No record, so no job: the list shows none. The remains wait for the sweeper (a late record would be run).
        Assert.Null(await _records.GetAsync("owner1", record.Id, ct));
        Assert.Empty((await _records.ListAsync("owner1", 1, 20, ct)).Items);
        await SweepAsync(_sweeperOptions.Value.StaleAfter);
        Assert.NotNull(await _records.GetRequestAsync("owner1", record.Id, ct)); // not yet: a minute past stale
        await SweepAsync(TimeSpan.FromMinutes(2));
        Assert.Null(await _records.GetRequestAsync("owner1", record.Id, ct));
        Assert.Empty(await _records.ListPendingAsync(ct).ToListAsync(ct));
        Assert.Equal(0, (await _records.ListAsync("owner1", 1, 20, ct)).Total);
        Assert.Equal(0, (await _queue.GetAsync(ct)).Sum(d => d.Messages));
    }

    [Fact]
    public async Task StoreStillDownAfterTheLostAnswer_Refused_QueuedRecordKeepsItsMarker_TheSweeperRunsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        _store.LoseAnswerOf = "record.json";
        _store.DownAfterLoss = true;
        var record = _submitter.NewRecord("owner1", "pendulum", null);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => _submitter.SubmitAsync(record, Pendulum, ct));

        _store.DownAfterLoss = false;
        // Nothing could be undone: the record landed queued, and its marker lets the sweeper run it later.
        Assert.Equal(JobStatus.Queued, (await _records.GetAsync("owner1", record.Id, ct))!.Status);
        Assert.Equal([("owner1", record.Id)], await _records.ListPendingAsync(ct).ToListAsync(ct));
        await SweepAsync(_sweeperOptions.Value.StaleAfter);
        Assert.Equal(1, (await _queue.GetAsync(ct)).Sum(d => d.Messages));
    }

    [Fact]
    public async Task AnswerLostPastHalfOfStaleAfter_TheRecordIsLeftQueued_NeverFlippedUnderASweptJob()
    {
        var ct = TestContext.Current.CancellationToken;
        _store.LoseAnswerOf = "record.json";
        // The failing write took so long that the sweeper may already have published the job: hands off.
        _store.OnLoss = () => _time.Advance(_sweeperOptions.Value.StaleAfter / 2);
        var record = _submitter.NewRecord("owner1", "pendulum", null);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => _submitter.SubmitAsync(record, Pendulum, ct));

        Assert.Equal(JobStatus.Queued, (await _records.GetAsync("owner1", record.Id, ct))!.Status);
        Assert.Single(await _records.ListPendingAsync(ct).ToListAsync(ct));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>
    /// A store that takes the first write of a key ending in <see cref="LoseAnswerOf"/> and then throws as a
    /// cut connection does; with <see cref="DownAfterLoss"/> it stays down afterwards.
    /// </summary>
    private sealed class AnswerLosingStore(IObjectStore inner) : IObjectStore
    {
        private bool _lost;

        public string LoseAnswerOf { get; set; } = "";

        public string OnlyUnder { get; set; } = "";

        public bool DownAfterLoss { get; set; }

        public Action? OnLoss { get; set; }

        private void ThrowIfDown()
        {
            if (_lost && DownAfterLoss)
            {
                throw new StorageUnavailableException("still down");
            }
        }

        public async Task PutAsync(StorageKey key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
        {
            ThrowIfDown();
            await inner.PutAsync(key, content, contentType, cancellationToken);
            if (!_lost && key.Value.EndsWith(LoseAnswerOf, StringComparison.Ordinal) && key.Value.StartsWith(OnlyUnder, StringComparison.Ordinal))
            {
                _lost = true;
                OnLoss?.Invoke();
                throw new StorageUnavailableException("connection reset after the write");
            }
        }

        public Task<StoredObject?> GetAsync(StorageKey key, CancellationToken cancellationToken)
        {
            ThrowIfDown();
            return inner.GetAsync(key, cancellationToken);
        }

        public IAsyncEnumerable<StorageKey> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public IAsyncEnumerable<string> ListFoldersAsync(string prefix, CancellationToken cancellationToken) => inner.ListFoldersAsync(prefix, cancellationToken);

        public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken)
        {
            ThrowIfDown();
            return inner.DeleteAsync(key, cancellationToken);
        }

        public Task DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken) => inner.DeleteManyAsync(keys, cancellationToken);

        public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => inner.IsReachableAsync(cancellationToken);
    }
}
