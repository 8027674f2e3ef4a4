using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Requests;

/// <summary>One input column: values (or repeated readings per point), unit and errors.</summary>
public sealed record ColumnData
{
    /// <summary>Per point one number, or an array of repeated readings.</summary>
    [JsonConverter(typeof(ReadingsConverter))]
    public List<List<double>>? Values { get; init; }

    /// <summary>Unit of the values as typed (cm, mm, ms …); converted to the catalogue's SI unit.</summary>
    public string? Unit { get; init; }

    /// <summary>Per-point errors, or one number for all points.</summary>
    [JsonConverter(typeof(NumberOrArrayConverter))]
    public List<double>? Errors { get; init; }

    /// <summary>Instrument error Δ (type B uncertainty Δ/√3), in the column's unit.</summary>
    [JsonConverter(typeof(LenientDoubleConverter))]
    public double? InstrumentError { get; init; }

    /// <summary>Axis name for custom experiments.</summary>
    public string? Label { get; init; }
}
