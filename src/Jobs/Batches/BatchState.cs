using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Batches;

/// <summary>Where a batch is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchState>))]
public enum BatchState
{
    /// <summary>Finding the matching jobs.</summary>
    [JsonStringEnumMemberName("scanning")] Scanning,

    /// <summary>Publishing them, or waiting for workers to finish them.</summary>
    [JsonStringEnumMemberName("running")] Running,

    /// <summary>Every matching job was processed (some may have failed: see the counts).</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>The batch itself broke (storage or queue unavailable while publishing).</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>An admin cancelled it: nothing more is published, queued jobs are skipped.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
