using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Requests;

/// <summary>
/// <c>options.uncertainty</c>: the convention of type A and the expanded uncertainty (docs/api.md,
/// "Uncertainty conventions"). <c>{"typeA": "t", "level": 0.683}</c> takes type A as t_p(n−1)·s/√n;
/// <c>{"level": 0.95}</c> reports U = k·u_c at 95 % (k = t_p(ν_eff), or <c>k</c> when given).
/// </summary>
public sealed record UncertaintyData
{
    /// <summary><c>plain</c> (s/√n, default) or <c>t</c> (t_p(n−1)·s/√n).</summary>
    public string? TypeA { get; init; }

    /// <summary>With <c>typeA: "t"</c> the t factor's level (default 0.683); otherwise the expanded uncertainty's.</summary>
    [JsonConverter(typeof(LenientDoubleConverter))]
    public double? Level { get; init; }

    /// <summary>True: report an expanded uncertainty at <see cref="Level"/> (0.95 when not given); implied by a level with plain type A.</summary>
    public bool? Expanded { get; init; }

    /// <summary>A fixed coverage factor (e.g. 2) instead of t_p(ν_eff).</summary>
    [JsonConverter(typeof(LenientDoubleConverter))]
    public double? K { get; init; }
}
