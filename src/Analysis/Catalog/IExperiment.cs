namespace LabCharts.Analysis;

/// <summary>
/// One experiment of the catalogue, as callers see it: its definition (what <c>GET /api/experiments</c>
/// shows). Validation and analysis go through <see cref="ExperimentCatalog.Validate"/> and
/// <see cref="ExperimentCatalog.Analyze(ValidatedInput)"/>, which dispatch on the experiment id.
/// </summary>
public interface IExperiment
{
    /// <summary>What the experiment accepts and computes (columns, constants, options, model).</summary>
    ExperimentDefinition Definition { get; }
}
