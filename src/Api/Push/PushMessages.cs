using System.Text.Json;
using LabCharts.Jobs;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Views;

namespace LabCharts.Api.Push;

/// <summary>One message to a client: its type (the SSE event name), its JSON, and whether it ends a job.</summary>
/// <param name="Type">job · ready · heartbeat · resync · pong · error.</param>
/// <param name="Json">The UTF-8 JSON text frame.</param>
/// <param name="JobId">The job it is about, if any.</param>
/// <param name="Final">A job message with the job's final state.</param>
public sealed record PushFrame(string Type, byte[] Json, string? JobId = null, bool Final = false);

/// <summary>The server's messages (the protocol: docs/push.md). JSON text, camelCase, <c>type</c> first.</summary>
public static class PushMessages
{
    /// <summary>A job's state from its record: the view <c>GET /api/jobs/{id}</c> gives, with <c>type</c> and <c>event</c>.</summary>
    public static PushFrame Job(JobView view, JobEventKind? kind)
    {
        ArgumentNullException.ThrowIfNull(view);
        var element = JsonSerializer.SerializeToElement(view, LabChartsJson.Default.JobView);
        return Write("job", writer =>
        {
            if (kind is { } k)
            {
                writer.WritePropertyName("event");
                JsonSerializer.Serialize(writer, k, LabChartsJson.Default.JobEventKind);
            }
            foreach (var property in element.EnumerateObject())
            {
                property.WriteTo(writer);
            }
        }, view.Id, view.Status is Jobs.Records.JobStatus.Succeeded or Jobs.Records.JobStatus.Failed);
    }

    /// <summary>A transition known from its event alone (queued, running): id, status, time.</summary>
    public static PushFrame Job(JobEvent jobEvent)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        return Write("job", writer =>
        {
            writer.WritePropertyName("event");
            JsonSerializer.Serialize(writer, jobEvent.Kind, LabChartsJson.Default.JobEventKind);
            writer.WriteString("id", jobEvent.JobId);
            writer.WritePropertyName("status");
            JsonSerializer.Serialize(writer, jobEvent.Status, LabChartsJson.Default.JobStatus);
            writer.WriteString("updatedAt", jobEvent.At);
        }, jobEvent.JobId, jobEvent.IsFinal);
    }

    /// <summary>Sent once a connection is authenticated.</summary>
    public static PushFrame Ready(int heartbeatSeconds) =>
        Write("ready", writer => writer.WriteNumber("heartbeatSeconds", heartbeatSeconds));

    /// <summary>Keeps an idle connection alive.</summary>
    public static PushFrame Heartbeat(DateTimeOffset at) => Write("heartbeat", writer => writer.WriteString("at", at));

    /// <summary>Messages were dropped for a slow client: it should <c>watch</c> its jobs again.</summary>
    public static PushFrame Resync { get; } = Write("resync", _ => { });

    /// <summary>The answer to a client's <c>ping</c>.</summary>
    public static PushFrame Pong { get; } = Write("pong", _ => { });

    /// <summary>A problem with what the client sent, or a job it cannot see; the connection stays open.</summary>
    public static PushFrame Error(string code, string message, string? jobId = null) => Write("error", writer =>
    {
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        if (jobId is not null)
        {
            writer.WriteString("id", jobId);
        }
    }, jobId);

    private static PushFrame Write(string type, Action<Utf8JsonWriter> body, string? jobId = null, bool final = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            body(writer);
            writer.WriteEndObject();
        }
        return new PushFrame(type, buffer.ToArray(), jobId, final);
    }
}
