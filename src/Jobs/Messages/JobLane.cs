using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Messages;

/// <summary>Interactive submissions never wait behind a batch re-render (docs/architecture.md, "Queue").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobLane>))]
public enum JobLane
{
    /// <summary>A student's submission.</summary>
    [JsonStringEnumMemberName("interactive")] Interactive,

    /// <summary>An admin batch re-render.</summary>
    [JsonStringEnumMemberName("batch")] Batch,
}
