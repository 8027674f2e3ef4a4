using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Requests;

/// <summary>
/// What a client submits to <c>POST /api/jobs</c> (docs/api.md, "Request body"). Stored verbatim as
/// <c>request.json</c>: it is the source of truth for every later re-render.
/// </summary>
public sealed record JobRequest
{
    /// <summary>Catalogue id, e.g. <c>pendulum</c> or <c>custom</c>.</summary>
    public string? Experiment { get; init; }

    /// <summary>Chart title; defaults to the experiment's Chinese name.</summary>
    public string? Title { get; init; }

    /// <summary>Input columns by key (<c>L</c>, <c>T</c>, or <c>x</c>/<c>y</c> for custom).</summary>
    public Dictionary<string, ColumnData>? Data { get; init; }

    /// <summary>Named constants (<c>g_ref</c>, <c>lambda</c> …).</summary>
    public Dictionary<string, ConstantData>? Constants { get; init; }

    /// <summary>The model of a <c>custom</c> experiment.</summary>
    [JsonConverter(typeof(ModelDataConverter))]
    public ModelData? Model { get; init; }

    /// <summary>What to render; absent means one 1200×900 PNG.</summary>
    public RenderData? Render { get; init; }

    /// <summary>Reporting options.</summary>
    public JobOptions? Options { get; init; }
}
