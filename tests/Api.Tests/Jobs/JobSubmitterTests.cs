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
    private readonly JobSubmitter _submitter;

    public JobSubmitterTests()
    {
        _store = new AnswerLosingStore(new LocalFolderObjectStore(Options.Create(new LocalStorageOptions { Root = _root })));
        _records = new JobRecordStore(_store);
        _submitter = new JobSubmitter(_records, _queue, new InProcessJobEvents(new JobEventHub(NullLogger<JobEventHub>.Instance)),
            TimeProvider.System, NullLogger<JobSubmitter>.Instance);
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
    public async Task MarkerStoredButItsAnswerLost_Refused_RequestAndMarkerRemoved_NoJobListed()
    {
        var ct = TestContext.Current.CancellationToken;
        _store.LoseAnswerOf = ".json"; // the pending marker: pending/{owner}/{id}.json
        _store.OnlyUnder = "pending/";
        var record = _submitter.NewRecord("owner1", "pendulum", null);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => _submitter.SubmitAsync(record, Pendulum, ct));

        Assert.Null(await _records.GetAsync("owner1", record.Id, ct));
        Assert.Null(await _records.GetRequestAsync("owner1", record.Id, ct));
        Assert.Empty(await _records.ListPendingAsync(ct).ToListAsync(ct));
        Assert.Equal(0, (await _records.ListAsync("owner1", 1, 20, ct)).Total);
    }

    [Fact]
    public async Task StoreStillDownAfterTheLostAnswer_Refused_QueuedRecordKeepsItsMarkerForTheSweeper()
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
