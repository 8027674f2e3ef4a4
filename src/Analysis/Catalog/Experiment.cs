namespace LabCharts.Analysis;

/// <summary>
/// What every experiment supplies: its definition, the model kinds it accepts, cheap checks of its
/// own (no fitting) and the one evaluation that fits and computes. The catalogue does the rest:
/// reading and checking the request against the definition, options, dispatch and the report.
/// Straight-line experiments are <see cref="LineExperiment"/> definitions; the others derive.
/// </summary>
internal abstract class Experiment : IExperiment
{
    /// <inheritdoc />
    public abstract ExperimentDefinition Definition { get; }

    /// <summary>The model kinds a request may name (case-insensitive); the first is the default.</summary>
    public abstract IReadOnlyList<string> ModelKinds { get; }

    /// <summary>
    /// Preconditions beyond the reader's that cost no fit: enough points, x not degenerate, values a
    /// transformation can take (ln R needs R &gt; 0), peaks present. Throws <see cref="AnalysisException"/>.
    /// </summary>
    public virtual void Check(ValidatedInput input)
    {
    }

    /// <summary>True when the model <paramref name="modelKind"/> is a straight line over equally spaced x that 逐差法 may evaluate.</summary>
    public virtual bool SupportsSuccessiveDifferences(string modelKind) => false;

    /// <summary>Fits the validated data once and computes the quantities and chart data.</summary>
    public abstract ExperimentOutcome Evaluate(ValidatedInput input);
}
