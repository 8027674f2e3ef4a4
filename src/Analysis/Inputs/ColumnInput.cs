namespace LabCharts.Analysis;

/// <summary>
/// One measured column of a request (for example the pendulum's <c>T</c>): per point either one
/// reading or several repeated readings, in the unit the student typed.
/// </summary>
public sealed record ColumnInput
{
    /// <summary>Per point: one reading, or several repeated readings whose mean becomes the point.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Readings { get; init; }

    /// <summary>The unit of the readings (e.g. <c>cm</c>); null means the catalogue's SI unit.</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// Standard uncertainty per point (same count as points) or one value for all points, in the
    /// column's unit. When given it replaces the type A estimate from repeated readings.
    /// </summary>
    public IReadOnlyList<double>? Errors { get; init; }

    /// <summary>Instrument error Δ in the column's unit; contributes type B = Δ/√3.</summary>
    public double? InstrumentError { get; init; }

    /// <summary>Custom experiment only: the axis name typed by the user (plain text).</summary>
    public string? Label { get; init; }
}
