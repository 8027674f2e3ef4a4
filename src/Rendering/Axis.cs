namespace LabCharts.Rendering;

/// <summary>An axis: its label markup, scale and optional fixed limits (automatic with padding otherwise).</summary>
public sealed record Axis
{
    /// <summary>Label markup, by convention "quantity / unit" (e.g. <c>&lt;i&gt;U&lt;/i&gt; / V</c>): a power of ten shared by the tick labels goes after the slash.</summary>
    public string Label { get; init; } = "";

    public double? Min { get; init; }

    public double? Max { get; init; }

    public AxisScale Scale { get; init; } = AxisScale.Linear;

    /// <summary>Small unlabelled ticks between the labelled ones.</summary>
    public bool MinorTicks { get; init; } = true;
}
