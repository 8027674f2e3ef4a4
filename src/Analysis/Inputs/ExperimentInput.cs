namespace LabCharts.Analysis;

/// <summary>One analysis request: the experiment id, its measured columns, constants and options.</summary>
public sealed record ExperimentInput
{
    /// <summary>Catalogue id, e.g. <c>pendulum</c> or <c>custom</c>.</summary>
    public required string Experiment { get; init; }

    /// <summary>Measured columns by key (<c>L</c>, <c>T</c>; <c>x</c>, <c>y</c> for custom).</summary>
    public required IReadOnlyDictionary<string, ColumnInput> Columns { get; init; }

    /// <summary>Constants by key (e.g. <c>g_ref</c>).</summary>
    public IReadOnlyDictionary<string, ConstantInput> Constants { get; init; } = new Dictionary<string, ConstantInput>();

    /// <summary>
    /// The model kind. <c>custom</c> accepts the kinds its definition lists and defaults to
    /// <c>linear</c>; other experiments have a fixed model and accept only null or <c>linear</c>.
    /// </summary>
    public ModelSpec? Model { get; init; }

    /// <summary>Chart title override (plain text).</summary>
    public string? Title { get; init; }

    /// <summary>How reported uncertainties are rounded.</summary>
    public UncertaintyRounding Rounding { get; init; } = UncertaintyRounding.HalfEven;
}
