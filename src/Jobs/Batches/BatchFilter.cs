using System.Text.Json.Serialization;
using LabCharts.Jobs.Records;

namespace LabCharts.Jobs.Batches;

/// <summary>Which stored jobs a batch re-renders: every condition given must hold.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record BatchFilter
{
    /// <summary>Catalogue ids; absent or empty means every experiment.</summary>
    public IReadOnlyList<string>? Experiments { get; init; }

    /// <summary>One owner's jobs (the storage owner key, <c>u</c> + 32 hex digits).</summary>
    public string? Owner { get; init; }

    /// <summary>Jobs created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Jobs created before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>The jobs' status; succeeded by default (a failed job has no chart to redraw).</summary>
    public JobStatus Status { get; init; } = JobStatus.Succeeded;

    /// <summary>What the job's id and folder tell, before its record is read.</summary>
    public bool MayMatch(string owner, string jobId)
    {
        if (Owner is not null && !string.Equals(Owner, owner, StringComparison.Ordinal))
        {
            return false;
        }
        var created = JobId.CreatedAt(jobId);
        return (CreatedFrom is null || created >= CreatedFrom) && (CreatedTo is null || created < CreatedTo);
    }

    /// <summary>The whole condition, on the job's record.</summary>
    public bool Matches(JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return MayMatch(record.Owner, record.Id)
            && record.Status == Status
            && (Experiments is not { Count: > 0 } || Experiments.Contains(record.Experiment, StringComparer.Ordinal));
    }
}
