using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;

namespace LabCharts.Jobs.Batches;

/// <summary>
/// Batches in storage: <c>batches/{id}.json</c> (the publisher's record) alone under <c>batches/</c>, so
/// listing batches reads one key per batch; everything else of a batch under <c>batch-runs/{id}/</c>:
/// <c>jobs.json</c> (the matching jobs), <c>cancelled.json</c> (an admin's cancel), <c>publisher.json</c>
/// (the lease), <c>done/{jobId}.{outcome}</c> (one marker per job), <c>progress/{worker}.json</c> (each
/// worker's running counts) and <c>final.json</c> (the view of a batch that has ended, counted from the markers).
/// </summary>
public sealed class BatchStore(IObjectStore store)
{
    private static StorageKey RecordKey(string id) => StorageKey.Of("batches", id + ".json");

    // Per-batch objects live apart from the records: the scheduler lists batches/ every few seconds.
    private const string Runs = "batch-runs";

    private static StorageKey JobsKey(string id) => StorageKey.Of(Runs, id, "jobs.json");

    private static StorageKey CancelKey(string id) => StorageKey.Of(Runs, id, "cancelled.json");

    private static StorageKey LeaseKey(string id) => StorageKey.Of(Runs, id, "publisher.json");

    private static StorageKey ProgressKey(string id, string worker) => StorageKey.Of(Runs, id, "progress", worker + ".json");

    private static StorageKey FinalKey(string id) => StorageKey.Of(Runs, id, "final.json");

    /// <summary>Writes the publisher's record.</summary>
    public Task SaveAsync(BatchRecord batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return WriteAsync(RecordKey(batch.Id), batch, LabChartsJson.Default.BatchRecord, cancellationToken);
    }

    /// <summary>A batch's record, or null (also for ids of the wrong shape).</summary>
    public async Task<BatchRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(id))
        {
            return null;
        }
        return await ReadAsync(RecordKey(id), LabChartsJson.Default.BatchRecord, cancellationToken);
    }

    /// <summary>Stores the matching jobs (before the record says how many).</summary>
    public Task SaveJobsAsync(string id, IReadOnlyList<BatchJob> jobs, CancellationToken cancellationToken) =>
        WriteAsync(JobsKey(id), jobs, LabChartsJson.Default.IReadOnlyListBatchJob, cancellationToken);

    /// <summary>The matching jobs.</summary>
    public async Task<IReadOnlyList<BatchJob>> GetJobsAsync(string id, CancellationToken cancellationToken)
    {
        return await ReadAsync(JobsKey(id), LabChartsJson.Default.IReadOnlyListBatchJob, cancellationToken) ?? [];
    }

    /// <summary>Marks a batch cancelled (written only by the cancel endpoint).</summary>
    public Task CancelAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(CancelKey(id), at, LabChartsJson.Default.DateTimeOffset, cancellationToken);

    /// <summary>When the batch was cancelled, or null.</summary>
    public async Task<DateTimeOffset?> CancelledAtAsync(string id, CancellationToken cancellationToken)
    {
        // A value type: read here, not through ReadAsync (whose "absent" is null for reference types only).
        var stored = await store.GetAsync(CancelKey(id), cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Content, LabChartsJson.Default.DateTimeOffset);
    }

    /// <summary>Writes the publisher's lease (who publishes the batch, renewed every second).</summary>
    public Task SaveLeaseAsync(string id, BatchLease lease, CancellationToken cancellationToken) =>
        WriteAsync(LeaseKey(id), lease, LabChartsJson.Default.BatchLease, cancellationToken);

    /// <summary>The publisher's lease, or null when nobody ever published the batch.</summary>
    public Task<BatchLease?> GetLeaseAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(LeaseKey(id), LabChartsJson.Default.BatchLease, cancellationToken);

    /// <summary>
    /// Marks one job of a batch done with its outcome: <c>batch-runs/{id}/done/{jobId}.{outcome}[.{code}]</c>.
    /// Idempotent (a job redelivered writes the same key), so counting the markers counts each job once.
    /// </summary>
    public Task MarkDoneAsync(string id, string jobId, string outcome, string? code, CancellationToken cancellationToken) =>
        store.PutAsync(StorageKey.Of(Runs, id, "done", code is null ? $"{jobId}.{outcome}" : $"{jobId}.{outcome}.{code}"),
            "{}"u8.ToArray(), ContentTypes.Json, cancellationToken);

    /// <summary>Every job of a batch marked done: its id, outcome and error code.</summary>
    public async Task<IReadOnlyList<(string JobId, string Outcome, string? Code)>> GetDoneAsync(string id, CancellationToken cancellationToken)
    {
        var done = new Dictionary<string, (string JobId, string Outcome, string? Code)>(StringComparer.Ordinal);
        await foreach (var key in store.ListAsync($"{Runs}/{id}/done/", cancellationToken))
        {
            var parts = key.Value[(key.Value.LastIndexOf('/') + 1)..].Split('.');
            if (parts.Length >= 2 && JobId.IsValid(parts[0]))
            {
                // A job has one marker; should a retry have written a second outcome, the last listed wins.
                done[parts[0]] = (parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
            }
        }
        return [.. done.Values];
    }

    /// <summary>Writes one worker's counts for a batch (that worker is the only writer).</summary>
    public Task SaveProgressAsync(string id, string worker, BatchProgress progress, CancellationToken cancellationToken) =>
        WriteAsync(ProgressKey(id, worker), progress, LabChartsJson.Default.BatchProgress, cancellationToken);

    /// <summary>Every worker's counts for a batch.</summary>
    public async Task<IReadOnlyList<BatchProgress>> GetProgressAsync(string id, CancellationToken cancellationToken)
    {
        var all = new List<BatchProgress>();
        await foreach (var key in store.ListAsync($"{Runs}/{id}/progress/", cancellationToken))
        {
            if (await ReadAsync(key, LabChartsJson.Default.BatchProgress, cancellationToken) is { } progress)
            {
                all.Add(progress);
            }
        }
        return all;
    }

    /// <summary>Keeps the view of a batch that has ended (it no longer changes).</summary>
    public Task SaveFinalAsync(BatchView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        return WriteAsync(FinalKey(view.Id), view, LabChartsJson.Default.BatchView, cancellationToken);
    }

    /// <summary>The kept view of a batch that has ended, or null while it runs.</summary>
    public Task<BatchView?> GetFinalAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(FinalKey(id), LabChartsJson.Default.BatchView, cancellationToken);

    /// <summary>A page of batch ids, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<string> Ids, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var key in store.ListAsync("batches/", cancellationToken))
        {
            var parts = key.Value.Split('/');
            if (parts.Length == 2 && parts[1].EndsWith(".json", StringComparison.Ordinal) && JobId.IsValid(parts[1][..^5]))
            {
                ids.Add(parts[1][..^5]);
            }
        }
        ids.Sort((a, b) => string.CompareOrdinal(b, a));
        return ([.. ids.Skip((page - 1) * pageSize).Take(pageSize)], ids.Count);
    }

    private async Task<T?> ReadAsync<T>(StorageKey key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await store.GetAsync(key, cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Content, type);
    }

    private Task WriteAsync<T>(StorageKey key, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        store.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, type), ContentTypes.Json, cancellationToken);
}
