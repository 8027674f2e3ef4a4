namespace LabCharts.Analysis;

/// <summary>How a straight line's slope is found.</summary>
public enum LineMethod
{
    /// <summary>Least squares (weighted when every point has an uncertainty), the default.</summary>
    LeastSquares,

    /// <summary>
    /// 逐差法: for an even number of equally spaced points, pair point i with i + n/2; the slope is the
    /// mean difference over (n/2)·step, its type A from the differences' scatter.
    /// </summary>
    SuccessiveDifferences,
}

/// <summary>The names of <see cref="LineMethod"/> values in requests and in the catalogue.</summary>
public static class LineMethods
{
    /// <summary><see cref="LineMethod.LeastSquares"/>.</summary>
    public const string LeastSquares = "least_squares";

    /// <summary><see cref="LineMethod.SuccessiveDifferences"/>.</summary>
    public const string SuccessiveDifferences = "successive_differences";

    /// <summary><see cref="FitSummary.Method"/> of a line found by 逐差法.</summary>
    public const string SuccessiveDifferencesDescription = "successive differences (逐差法)";

    /// <summary>The method named <paramref name="name"/> (case-insensitive, trimmed; null or empty is least squares), or false.</summary>
    public static bool TryParse(string? name, out LineMethod method)
    {
        method = LineMethod.LeastSquares;
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or LeastSquares:
                return true;
            case SuccessiveDifferences:
                method = LineMethod.SuccessiveDifferences;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>How type A is evaluated from repeated readings.</summary>
public enum TypeAEstimate
{
    /// <summary>s/√n (the GUM's standard uncertainty), the default.</summary>
    Plain,

    /// <summary>t_p(n − 1)·s/√n at the convention's level (0.683 by default), as many lab manuals teach.</summary>
    StudentT,
}

/// <summary>
/// The uncertainty convention of a request: type A plain or with the t factor, and an expanded
/// uncertainty U = k·u_c at a stated level. The default is the GUM's: s/√n, Δ/√3, no expansion.
/// </summary>
public sealed record UncertaintyConvention
{
    /// <summary>The default: plain type A, standard (not expanded) uncertainties.</summary>
    public static UncertaintyConvention Default { get; } = new();

    /// <summary>The level of the t factor most lab manuals use with standard uncertainties.</summary>
    public const double StandardLevel = 0.683;

    /// <summary>Plain s/√n or t_p(n − 1)·s/√n.</summary>
    public TypeAEstimate TypeA { get; init; } = TypeAEstimate.Plain;

    /// <summary>The level p of the t factor (when <see cref="TypeA"/> is StudentT); 0.683 when not given.</summary>
    public double TypeALevel { get; init; } = StandardLevel;

    /// <summary>The level of the expanded uncertainty U = k·u_c; null: report standard uncertainties only.</summary>
    public double? ExpandedLevel { get; init; }

    /// <summary>A fixed coverage factor k (e.g. 2); null: k = t_p(ν_eff) by Welch–Satterthwaite.</summary>
    public double? CoverageFactor { get; init; }

    /// <summary>True when nothing differs from <see cref="Default"/>.</summary>
    public bool IsDefault => TypeA == TypeAEstimate.Plain && ExpandedLevel is null;

    /// <summary>Type A of repeated readings under this convention.</summary>
    public double TypeAOf(IReadOnlyList<double> readings) => TypeA == TypeAEstimate.StudentT
        ? LabCharts.Analysis.CoverageFactor.TypeA(readings, TypeALevel)
        : StandardUncertainty.TypeA(readings);

    /// <summary>The factor that multiplies s/√n of <paramref name="count"/> values: 1, or t_p(count − 1).</summary>
    public double TypeAFactor(int count) =>
        TypeA == TypeAEstimate.StudentT && count >= 2 ? LabCharts.Analysis.CoverageFactor.StudentT(TypeALevel, count - 1) : 1;
}

/// <summary>
/// How outliers among repeated readings are looked for: the test (Grubbs at α = 0.05 by default),
/// and whether flagged readings are left out of the mean. Flagged readings are always reported.
/// </summary>
public sealed record OutlierPolicy
{
    /// <summary>The default: Grubbs at α = 0.05, flag only.</summary>
    public static OutlierPolicy Default { get; } = new();

    /// <summary>The test; null: do not look.</summary>
    public OutlierTest? Test { get; init; } = OutlierTest.Grubbs;

    /// <summary>Significance level of the Grubbs test (0.05 or 0.01 in the tables).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>True: flagged readings are removed from the point's mean and type A (and listed as excluded).</summary>
    public bool Exclude { get; init; }
}
