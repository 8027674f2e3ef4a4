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

    /// <summary><c>least_squares</c> (default) or <c>successive_differences</c> (逐差法) for the line's slope.</summary>
    public string? Method { get; init; }

    /// <summary>True: report both line methods side by side.</summary>
    public bool? Compare { get; init; }

    /// <summary>Type A with the t factor, expanded uncertainty.</summary>
    public UncertaintyData? Uncertainty { get; init; }

    /// <summary>The outlier test for repeated readings: <c>grubbs</c> (default), <c>three_sigma</c>, <c>chauvenet</c> or <c>none</c>.</summary>
    public string? Outliers { get; init; }

    /// <summary>Significance level of the Grubbs test: 0.05 (default) or another in (0, 0.5].</summary>
    [JsonConverter(typeof(LenientDoubleConverter))]
    public double? OutlierAlpha { get; init; }

    /// <summary>True: readings the test flags are left out of the point's mean (and listed as excluded).</summary>
    public bool? ExcludeOutliers { get; init; }

    /// <summary>The experiment's own options, by name; validated by the experiment.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Experiment { get; set; }
}
