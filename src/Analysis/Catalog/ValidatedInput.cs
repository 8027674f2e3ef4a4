namespace LabCharts.Analysis;

/// <summary>
/// A request that passed <see cref="ExperimentCatalog.Validate"/>: its experiment, the request, and
/// (inside the library) the columns and constants read in SI, the chosen model kind and the options.
/// Only <see cref="ExperimentCatalog.Analyze(ValidatedInput)"/> can reject it now, and only for what
/// the fit itself finds (a non-physical slope, no convergence).
/// </summary>
public sealed class ValidatedInput
{
    private readonly IReadOnlyDictionary<string, string> _options;

    internal ValidatedInput(
        Experiment experiment, ExperimentInput input, string modelKind, IReadOnlyDictionary<string, string> options, ExperimentReading reading)
    {
        Entry = experiment;
        Input = input;
        ModelKind = modelKind;
        _options = options;
        Reading = reading;
    }

    /// <summary>The experiment the request names.</summary>
    public IExperiment Experiment => Entry;

    /// <summary>The request as given.</summary>
    public ExperimentInput Input { get; }

    internal Experiment Entry { get; }

    /// <summary>The accepted model kind (lower case as the experiment lists it), or its default.</summary>
    internal string ModelKind { get; }

    internal ExperimentReading Reading { get; }

    internal UncertaintyRounding Rounding => Input.Rounding;

    /// <summary>A column read in SI.</summary>
    internal MeasuredColumn Column(string key) => Reading.Columns[key];

    /// <summary>Values and uncertainties of the named constants (present or defaulted), in order.</summary>
    internal (double[] Values, double[] Uncertainties) ConstantVector(params string[] keys) => Reading.ConstantVector(keys);

    /// <summary>The constant's SI value when given or defaulted; else null.</summary>
    internal double? Optional(string key) => Reading.Optional(key);

    /// <summary>The value of one of the definition's options (checked, lower case; its default when absent).</summary>
    internal string Option(string key) => _options[key];

    /// <summary>Notes the analysis made (a quantity omitted for a missing constant); one list per <see cref="ForRun"/>.</summary>
    internal List<AnalysisNote> Notes { get; } = [];

    /// <summary>The flagged repeated readings of every column, in column order.</summary>
    internal IReadOnlyList<ReadingOutlier> Outliers => [.. Entry.Definition.Columns.Where(c => Reading.Columns.ContainsKey(c.Key)).SelectMany(c => Reading.Columns[c.Key].Outliers)];

    /// <summary>A copy with its own empty notes, so one validated request can be analysed more than once.</summary>
    internal ValidatedInput ForRun() => new(Entry, Input, ModelKind, _options, Reading);

    /// <summary>The same request analysed with another line method (for <c>compare</c>).</summary>
    internal ValidatedInput WithMethod(LineMethod method) => new(Entry, Input with { Method = method }, ModelKind, _options, Reading);
}
