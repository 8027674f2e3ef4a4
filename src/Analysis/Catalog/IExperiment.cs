namespace LabCharts.Analysis;

/// <summary>One experiment of the catalogue: its definition, input validation and analysis.</summary>
public interface IExperiment
{
    /// <summary>What the experiment accepts and computes (columns, constants, model).</summary>
    ExperimentDefinition Definition { get; }

    /// <summary>
    /// Throws <see cref="AnalysisException"/> for every input <see cref="Analyze"/> would reject, so
    /// the API can answer 400 before queuing. Does nothing for a good input.
    /// </summary>
    void Validate(ExperimentInput input);

    /// <summary>Fits the data and computes the derived quantities and chart data.</summary>
    AnalysisResult Analyze(ExperimentInput input);
}
