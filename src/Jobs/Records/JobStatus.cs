using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Records;

/// <summary>A job's lifecycle, in past-tense states; <see cref="Succeeded"/> and <see cref="Failed"/> are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    /// <summary>Accepted and stored, waiting for a worker.</summary>
    [JsonStringEnumMemberName("queued")] Queued,

    /// <summary>A worker is analysing or rendering it.</summary>
    [JsonStringEnumMemberName("running")] Running,

    /// <summary>Result and artifacts are stored.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>Ended with an error code; nothing more will happen.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
