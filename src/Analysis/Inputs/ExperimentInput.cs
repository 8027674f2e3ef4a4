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

    /// <summary>
    /// Experiment options by key (case-insensitive values): <c>mode</c> (<c>rc_circuit</c>:
    /// <c>discharge</c>/<c>charge</c>; <c>sound_speed</c>: <c>resonance</c>/<c>phase</c>),
    /// <c>gas</c> (<c>franck_hertz</c>: <c>Hg</c>/<c>Ar</c>), <c>lamp</c> (<c>grating</c>,
    /// <c>michelson</c>: <c>sodium</c>/<c>hene</c>), <c>yScale</c> (<c>diode</c>: <c>log</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>How reported uncertainties are rounded.</summary>
    public UncertaintyRounding Rounding { get; init; } = UncertaintyRounding.HalfEven;

    /// <summary>How a straight line's slope is found (least squares, or 逐差法 where the experiment allows it).</summary>
    public LineMethod Method { get; init; } = LineMethod.LeastSquares;

    /// <summary>True: also evaluate the other line method and report both side by side.</summary>
    public bool Compare { get; init; }

    /// <summary>Type A plain or with the t factor; expanded uncertainty.</summary>
    public UncertaintyConvention Uncertainty { get; init; } = UncertaintyConvention.Default;

    /// <summary>The outlier test for repeated readings and whether flagged readings are excluded.</summary>
    public OutlierPolicy Outliers { get; init; } = OutlierPolicy.Default;
}
