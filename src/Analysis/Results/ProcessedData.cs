namespace LabCharts.Analysis;

/// <summary>
/// The processed data table a lab report shows: per measured column and point the readings' mean and
/// its uncertainties, then the points the fit used (the transformed values such as T², ln R, D²) with
/// their uncertainties, residuals and standardized residuals. Every value is in SI.
/// </summary>
public sealed record ProcessedData(IReadOnlyList<ProcessedColumn> Columns, FittedPoints Fitted);

/// <summary>A measured column after reading: its key, names, SI unit and one summary per point.</summary>
public sealed record ProcessedColumn(string Key, string Name, string NameEn, string Unit, IReadOnlyList<ProcessedPoint> Points);

/// <summary>
/// One point of a measured column: the number of readings that entered the mean (after any excluded
/// outlier), the mean, type A (s/√n or with the t factor, or the given error), type B (Δ/√3) and the
/// combined standard uncertainty √(u_A² + u_B²).
/// </summary>
public sealed record ProcessedPoint(int Readings, double Mean, double TypeA, double TypeB, double Combined);

/// <summary>
/// The points the fit used: the axes' labels (plain text, e.g. <c>T² / s²</c>), per point x, y and
/// their uncertainties, the residual y − f(x), the standardized residual and whether it is flagged
/// (|standardized residual| &gt; 3: drawn hollow, never dropped).
/// </summary>
public sealed record FittedPoints(string XLabel, string YLabel, IReadOnlyList<FittedPoint> Points);

/// <summary>One fitted point (see <see cref="FittedPoints"/>).</summary>
public sealed record FittedPoint(double X, double XUncertainty, double Y, double YUncertainty, double Residual, double? StandardizedResidual, bool Flagged);

/// <summary>
/// A repeated reading an outlier test flagged: where it is (<c>data.T</c>, point and reading, from 0),
/// its value as typed, the test, the statistic against its critical value (Grubbs: G = |x − x̄|/s and
/// G_crit(n, α); 3σ: |x − x̄|/s against 3; Chauvenet: n·P(|Z| ≥ z) against 0.5) and whether it was
/// left out of the mean.
/// </summary>
public sealed record ReadingOutlier(string Field, int Point, int Reading, double Value, string Test, double Statistic, double Critical, bool Excluded);

/// <summary>
/// Something the analysis wants the student to know that is not an error, with a stable code:
/// <c>quantityOmitted</c> (a derived quantity left out because its constant is missing; <see cref="Quantity"/>
/// and <see cref="Constant"/> say which).
/// </summary>
public sealed record AnalysisNote(string Code, string Message, string MessageEn)
{
    /// <summary>The quantity concerned, if any.</summary>
    public string? Quantity { get; init; }

    /// <summary>The constant's key, if any.</summary>
    public string? Constant { get; init; }

    /// <summary>Code of <see cref="QuantityOmitted"/>.</summary>
    public const string QuantityOmittedCode = "quantityOmitted";

    /// <summary>The note for a quantity left out because <paramref name="constant"/> was not given.</summary>
    public static AnalysisNote QuantityOmitted(string quantity, string quantityName, ConstantDefinition constant) => new(
        QuantityOmittedCode,
        $"未给出常量 {constant.Key}（{constant.NameZh}），因此没有计算 {quantity}（{quantityName}）。",
        $"Constant {constant.Key} ({constant.NameEn}) was not given, so {quantity} is not computed.")
    {
        Quantity = quantity,
        Constant = constant.Key,
    };
}
