using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Requests;

/// <summary>A named constant with its unit and optional uncertainty.</summary>
public sealed record ConstantData
{
    /// <summary>The value in <see cref="Unit"/>.</summary>
    [JsonConverter(typeof(LenientDoubleConverter))]
    public double? Value { get; init; }

    /// <summary>Unit of the value as typed.</summary>
    public string? Unit { get; init; }

    /// <summary>Standard uncertainty in the same unit.</summary>
    [JsonConverter(typeof(LenientDoubleConverter))]
    public double? Uncertainty { get; init; }
}
