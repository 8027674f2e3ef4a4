namespace LabCharts.Rendering;

/// <summary>An axis: its label markup and optional fixed limits (automatic with padding otherwise).</summary>
public sealed record Axis
{
    public string Label { get; init; } = "";

    public double? Min { get; init; }

    public double? Max { get; init; }
}
