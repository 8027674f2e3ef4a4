using System.Text.Json;
using LabCharts.Jobs;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Storage;

namespace LabCharts.Jobs.Records;

/// <summary>
/// Jobs as folders of objects (docs/architecture.md, "Storage layout"):
/// <c>jobs/{owner}/{jobId}/request.json</c>, <c>record.json</c> and the artifacts.
/// </summary>
public sealed class JobRecordStore(IObjectStore store)
{
    private const string RecordName = "record.json";
    private const string RequestName = "request.json";

    /// <summary>The key of a job's file; both ids are checked.</summary>
    public static StorageKey KeyOf(string owner, string jobId, string fileName) =>
        StorageKey.Of("jobs", owner, jobId, fileName);

    /// <summary>
    /// Stores a new job: the request first, then a pending marker, then the record — so a record never
    /// points to a missing request, and every record that is not final has a marker the sweeper finds
    /// (a crash in between leaves at most an orphan request, or a marker the sweeper drops).
    /// </summary>
    public async Task CreateAsync(JobRecord record, JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var requestJson = JsonSerializer.SerializeToUtf8Bytes(request, LabChartsJson.Default.JobRequest);
        await store.PutAsync(KeyOf(record.Owner, record.Id, RequestName), requestJson, ContentTypes.Json, cancellationToken);
        await store.PutAsync(PendingKeyOf(record.Owner, record.Id), "{}"u8.ToArray(), ContentTypes.Json, cancellationToken);
        await SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// Writes a job's final record, then drops its pending marker. A crash in between leaves a marker
    /// the sweeper removes when it sees the final record.
    /// </summary>
    public async Task SaveFinalAsync(JobRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await SaveAsync(record, cancellationToken);
        await store.DeleteAsync(PendingKeyOf(record.Owner, record.Id), cancellationToken);
    }

    /// <summary>The marker of a job that is not final: <c>pending/{owner}/{jobId}.json</c>.</summary>
    public static StorageKey PendingKeyOf(string owner, string jobId) => StorageKey.Of("pending", owner, jobId + ".json");

    /// <summary>How many of an owner's jobs are not final (their pending markers), counting no further than <paramref name="atMost"/>.</summary>
    public async Task<int> CountPendingAsync(string owner, int atMost, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in store.ListAsync(StorageKey.Of("pending", owner).Value + "/", cancellationToken))
        {
            if (++count >= atMost)
            {
                break;
            }
        }
        return count;
    }

    /// <summary>(owner, job id) of every job that has a pending marker.</summary>
    public async IAsyncEnumerable<(string Owner, string JobId)> ListPendingAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in store.ListAsync("pending/", cancellationToken))
        {
            var parts = key.Value.Split('/');
            if (parts.Length == 3 && parts[2].EndsWith(".json", StringComparison.Ordinal)
                && JobId.IsValid(parts[2][..^5]) && StorageKey.IsSafeSegment(parts[1]))
            {
                yield return (parts[1], parts[2][..^5]);
            }
        }
    }

    /// <summary>Drops what a submission that never completed may have left: its request, then its marker (no record landed).</summary>
    public async Task DeleteUnrecordedAsync(string owner, string jobId, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(KeyOf(owner, jobId, RequestName), cancellationToken);
        await store.DeleteAsync(PendingKeyOf(owner, jobId), cancellationToken);
    }

    /// <summary>Drops a marker (its job is final).</summary>
    public Task DeletePendingAsync(string owner, string jobId, CancellationToken cancellationToken) =>
        store.DeleteAsync(PendingKeyOf(owner, jobId), cancellationToken);

    /// <summary>Replaces a job's record.</summary>
    public Task SaveAsync(JobRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = JsonSerializer.SerializeToUtf8Bytes(record, LabChartsJson.Default.JobRecord);
        return store.PutAsync(KeyOf(record.Owner, record.Id, RecordName), json, ContentTypes.Json, cancellationToken);
    }

    /// <summary>A job's record, or null (also for ids of the wrong shape).</summary>
    public async Task<JobRecord?> GetAsync(string owner, string jobId, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(jobId) || !StorageKey.IsSafeSegment(owner))
        {
            return null;
        }
        var stored = await store.GetAsync(KeyOf(owner, jobId, RecordName), cancellationToken);
        try
        {
            return stored is null ? null : JsonSerializer.Deserialize(stored.Content, LabChartsJson.Default.JobRecord);
        }
        catch (JsonException error)
        {
            // Records are written whole (temp file + rename, or one PUT); one that does not parse was read
            // mid-write from a store without atomic overwrite: the store is not answering properly right now.
            throw new StorageUnavailableException($"The record of job {jobId} did not parse: {error.Message}", error);
        }
    }

    /// <summary>The request a job was created from.</summary>
    public async Task<JobRequest?> GetRequestAsync(string owner, string jobId, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(jobId) || !StorageKey.IsSafeSegment(owner))
        {
            return null;
        }
        var stored = await store.GetAsync(KeyOf(owner, jobId, RequestName), cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Content, LabChartsJson.Default.JobRequest);
    }

    /// <summary>
    /// A page of an owner's jobs, newest first: one listing of the job folders (one entry per job, not one
    /// per file), then one read per job on the page. A folder without a record (a submission that failed
    /// part-way and could not be cleaned up) counts in the total but is left off its page.
    /// </summary>
    public async Task<(IReadOnlyList<JobRecord> Items, int Total)> ListAsync(
        string owner, int page, int pageSize, CancellationToken cancellationToken)
    {
        var jobIds = new List<string>();
        if (!StorageKey.IsSafeSegment(owner))
        {
            return ([], 0);
        }
        await foreach (var name in store.ListFoldersAsync(StorageKey.Of("jobs", owner).Value + "/", cancellationToken))
        {
            if (JobId.IsValid(name))
            {
                jobIds.Add(name);
            }
        }
        // Ids start with their creation time in fixed-width hex: reverse ordinal order is newest first.
        jobIds.Sort((a, b) => string.CompareOrdinal(b, a));
        var onPage = jobIds.Skip((page - 1) * pageSize).Take(pageSize);
        // A few reads at a time: a page of 100 fired at once swamps a small S3 server under load.
        var ids = onPage.ToArray();
        var records = new JobRecord?[ids.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => records[i] = await GetForListAsync(owner, ids[i], ct));
        return (records.OfType<JobRecord>().ToList(), jobIds.Count);
    }

    // One record of a page: a store can drop one read, or (the s3rver stand-in) pair a record a worker is
    // rewriting with its old checksum; reading it again a moment later gets it, so one busy job does not fail the page.
    private async Task<JobRecord?> GetForListAsync(string owner, string jobId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await GetAsync(owner, jobId, cancellationToken);
            }
            catch (StorageUnavailableException) when (attempt < ListReadAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }

    private const int ListReadAttempts = 3;
}
