using System.Diagnostics.Metrics;

namespace LabCharts.Analysis;

/// <summary>
/// The library's metrics: a counter of fits, so a host (or a test with a <see cref="MeterListener"/>)
/// can see that a job is fitted once — validation fits nothing (issue 8).
/// </summary>
public static class AnalysisMetrics
{
    /// <summary>Name of the <see cref="Meter"/> to listen to.</summary>
    public const string MeterName = "LabCharts.Analysis";

    /// <summary>Counter (<see cref="long"/>) of experiment analyses that fitted, tagged <c>experiment</c> with the id.</summary>
    public const string FitsCounterName = "labcharts.analysis.fits";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Fits = Meter.CreateCounter<long>(
        FitsCounterName, "{fit}", "Experiment analyses that fitted the data: one per ExperimentCatalog.Analyze call.");

    internal static void CountFit(string experiment) => Fits.Add(1, new KeyValuePair<string, object?>("experiment", experiment));
}
