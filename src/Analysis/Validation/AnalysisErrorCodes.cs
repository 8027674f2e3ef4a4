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

    /// <summary>A model expression that does not parse; the messages give the 1-based character position.</summary>
    public const string InvalidExpression = "invalid_expression";

    /// <summary>The nonlinear fit did not converge (iteration limit, or the model evaluates to NaN/∞).</summary>
    public const string FitDidNotConverge = "fit_did_not_converge";

    /// <summary>The initial guesses name a parameter the expression does not have, or are not finite.</summary>
    public const string InvalidInitialGuess = "invalid_initial_guess";

    /// <summary>A polynomial degree outside 1–10.</summary>
    public const string InvalidDegree = "invalid_degree";

    /// <summary>Franck–Hertz: fewer than three peaks of I(U) were found, so no spacing can be fitted.</summary>
    public const string TooFewPeaks = "too_few_peaks";

    /// <summary>An index column (ring number, order, fringe count) is not strictly increasing or not an integer.</summary>
    public const string IndicesNotIncreasing = "indices_not_increasing";

    /// <summary>A log-scale fit (thermistor ln R, diode ln I) got a value ≤ 0.</summary>
    public const string NonPositiveForLog = "non_positive_for_log";

    /// <summary>Two alternative columns (photoelectric <c>nu</c> and <c>lambda</c>) were both given, or neither.</summary>
    public const string AmbiguousColumns = "ambiguous_columns";

    /// <summary>A request option the experiment does not have (a typo such as <c>rounnding</c>); same code as the API's unknown fields.</summary>
    public const string UnknownOption = "unknown_field";

    /// <summary>A request option (e.g. <c>mode</c>) with a value the experiment does not know.</summary>
    public const string InvalidOption = "invalid_option";

    /// <summary>A value outside the range where the physics holds (|sin θ| &gt; 1, a temperature below absolute zero).</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>The data do not show the feature the model needs (no resonance peak, no decay).</summary>
    public const string NoFeature = "no_feature";

    /// <summary>逐差法 with an odd number of points: the message says which point to drop (the first or the last).</summary>
    public const string OddPointCount = "odd_point_count";

    /// <summary>逐差法 with x not equally spaced (the pairs would not span equal intervals); the message names the first uneven step.</summary>
    public const string UnequalSpacing = "unequal_spacing";

    /// <summary>Fallback of the parameterless exception constructors; never thrown by the analysis.</summary>
    public const string InvalidInput = "invalid_input";
}
