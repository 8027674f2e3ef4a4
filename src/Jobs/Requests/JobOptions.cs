using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Requests;

/// <summary>
/// Reporting and experiment options: <c>rounding</c>, plus whatever the experiment's schema lists in
/// <c>GET /api/experiments</c> (e.g. <c>mode: "charge"</c> for rc_circuit, <c>gas: "Ar"</c> for franck_hertz).
/// </summary>
public sealed class JobOptions
{
    /// <summary><c>halfEven</c> (四舍六入五凑偶, default) or <c>up</c> (只进不舍) for the uncertainty.</summary>
    public string? Rounding { get; init; }

    /// <summary>The experiment's own options, by name; validated by the experiment.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Experiment { get; set; }
}
