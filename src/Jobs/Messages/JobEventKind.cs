using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Messages;

/// <summary>The transitions announced on the job-events port.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobEventKind>))]
public enum JobEventKind
{
    /// <summary>Accepted, stored and published to the queue.</summary>
    [JsonStringEnumMemberName("queued")] Queued,

    /// <summary>A worker started it.</summary>
    [JsonStringEnumMemberName("running")] Running,

    /// <summary>Result and artifacts are stored.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>Ended with an error code.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>A succeeded job's charts were drawn again (batch re-render); its result may have changed.</summary>
    [JsonStringEnumMemberName("rerendered")] Rerendered,
}
