namespace LabCharts.Analysis;

/// <summary>
/// The stable error codes of <see cref="AnalysisException"/>. They are a public contract (the API
/// returns them in problem details): add new ones, never rename.
/// </summary>
public static class AnalysisErrorCodes
{
    /// <summary>The experiment id is not in the catalogue.</summary>
    public const string UnknownExperiment = "unknown_experiment";

    /// <summary>The model kind is not one the experiment accepts (or not implemented yet).</summary>
    public const string UnknownModel = "unknown_model";

    /// <summary>A required column is absent.</summary>
    public const string MissingColumn = "missing_column";

    /// <summary>A column the experiment does not take.</summary>
    public const string UnknownColumn = "unknown_column";

    /// <summary>Columns have different numbers of points, or a column's errors do not match its points.</summary>
    public const string LengthMismatch = "length_mismatch";

    /// <summary>A reading, error or constant is NaN or infinite (or overflows once converted).</summary>
    public const string NotFinite = "not_finite";

    /// <summary>Fewer points than the model needs to leave a degree of freedom.</summary>
    public const string TooFewPoints = "too_few_points";

    /// <summary>A reading or constant that must be positive (length, period, reference) is ≤ 0.</summary>
    public const string NonPositiveValue = "non_positive_value";

    /// <summary>A column has no points, or a point has no readings.</summary>
    public const string EmptyReadings = "empty_readings";

    /// <summary>An error, instrument error or constant uncertainty is negative.</summary>
    public const string NegativeError = "negative_error";

    /// <summary>A unit that cannot be parsed.</summary>
    public const string UnknownUnit = "unknown_unit";

    /// <summary>A unit of the wrong kind (e.g. seconds for a length).</summary>
    public const string IncompatibleUnit = "incompatible_unit";

    /// <summary>A required constant is absent.</summary>
    public const string MissingConstant = "missing_constant";

    /// <summary>A constant the experiment does not take.</summary>
    public const string UnknownConstant = "unknown_constant";

    /// <summary>All x values are equal (or all zero for a line through the origin): no slope can be fitted.</summary>
    public const string DegenerateX = "degenerate_x";

    /// <summary>The fitted slope has a sign the physics forbids (e.g. k ≤ 0 for T² against L).</summary>
    public const string NonPhysicalSlope = "non_physical_slope";

    /// <summary>Several readings for one point of a column that takes one reading per point (an index such as a ring number).</summary>
    public const string RepeatedReadingsNotAllowed = "repeated_readings_not_allowed";

    /// <summary>Fallback of the parameterless exception constructors; never thrown by the analysis.</summary>
    public const string InvalidInput = "invalid_input";
}
