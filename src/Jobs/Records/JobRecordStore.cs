using System.Text.Json;
using LabCharts.Jobs.Contracts;
using LabCharts.Jobs.Storage;

namespace LabCharts.Jobs.Records;

/// <summary>
/// Jobs as folders of objects (DESIGN.md, storage layout):
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
    /// Stores a new job: the request first, then the record, so a record never points to a missing
    /// request (a crash in between leaves an orphan request that nothing lists).
    /// </summary>
    public async Task CreateAsync(JobRecord record, JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var requestJson = JsonSerializer.SerializeToUtf8Bytes(request, LabChartsJson.Default.JobRequest);
        await store.PutAsync(KeyOf(record.Owner, record.Id, RequestName), requestJson, ContentTypes.Json, cancellationToken);
        await SaveAsync(record, cancellationToken);
    }

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
        return stored is null ? null : JsonSerializer.Deserialize(stored.Content, LabChartsJson.Default.JobRecord);
    }

    /// <summary>The request a job was created from.</summary>
    public async Task<JobRequest?> GetRequestAsync(string owner, string jobId, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(KeyOf(owner, jobId, RequestName), cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Content, LabChartsJson.Default.JobRequest);
    }

    /// <summary>A page of an owner's jobs, newest first: one listing, then one read per job on the page.</summary>
    public async Task<(IReadOnlyList<JobRecord> Items, int Total)> ListAsync(
        string owner, int page, int pageSize, CancellationToken cancellationToken)
    {
        var jobIds = new List<string>();
        await foreach (var key in store.ListAsync($"jobs/{owner}/", cancellationToken))
        {
            var parts = key.Value.Split('/');
            if (parts.Length == 4 && parts[3] == RecordName && JobId.IsValid(parts[2]))
            {
                jobIds.Add(parts[2]);
            }
        }
        // Ids start with their creation time in fixed-width hex: reverse ordinal order is newest first.
        jobIds.Sort((a, b) => string.CompareOrdinal(b, a));
        var onPage = jobIds.Skip((page - 1) * pageSize).Take(pageSize);
        var records = await Task.WhenAll(onPage.Select(id => GetAsync(owner, id, cancellationToken)));
        return (records.OfType<JobRecord>().ToList(), jobIds.Count);
    }
}
