using System.Diagnostics;
using LabCharts.Analysis;
using LabCharts.Jobs;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Telemetry;
using LabCharts.Jobs.Validation;
using LabCharts.Processing.Reports;
using LabCharts.Rendering;

namespace LabCharts.Processing;

/// <summary>
/// Analyse, then render every requested format: pure computation, no storage. The queue worker and
/// the <c>render</c> command both run exactly this.
/// </summary>
public sealed class JobPipeline(ChartRenderer renderer)
{
    /// <summary>Artifact name of the lab-report PDF.</summary>
    public const string ReportName = "report";

    /// <summary>Artifact name of the processed-data CSV.</summary>
    public const string DataName = "data";

    /// <summary>
    /// Runs a validated job. Analysis errors surface as <see cref="LabCharts.Analysis.AnalysisException"/>;
    /// the argument and arithmetic errors of a value so large or small that the fit or the chart
    /// overflows (1e308, 5e-324) as <c>not_computable</c>. The pipeline is pure and deterministic, so such a
    /// job would fail the same way on every attempt: it ends at once instead of being retried. The result
    /// must also be writable as JSON (finite numbers only).
    /// </summary>
    public PipelineOutput Run(ValidatedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var output = Compute(job);
            _ = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(output.Result, LabChartsJson.Default.JobResult);
            return output;
        }
        // What overflowing numbers make the computation and the chart throw (a non-finite uncertainty or
        // axis range, a result JSON cannot hold); any other exception is a bug of ours and is retried.
        catch (Exception error) when (error is ArgumentException or ArithmeticException)
        {
            throw new ProblemException(ProblemCatalog.NotComputable(), error);
        }
    }

    private PipelineOutput Compute(ValidatedJob job)
    {
        var experiment = new KeyValuePair<string, object?>("experiment", job.Analysis.Input.Experiment);
        var started = Stopwatch.GetTimestamp();
        AnalysisResult analysis;
        using (LabChartsTelemetry.StartStage("analyse"))
        {
            analysis = ExperimentCatalog.Analyze(job.Analysis);
        }
        LabChartsTelemetry.FitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, experiment);
        var result = JobResult.From(analysis);
        started = Stopwatch.GetTimestamp();
        using var rendering = LabChartsTelemetry.StartStage("render");
        var artifacts = new List<RenderedArtifact>();
        foreach (var (name, chart) in AnalysisChartMapper.ComposeAll(analysis.Chart))
        {
            foreach (var format in job.Render.Formats)
            {
                var rendered = renderer.Render(chart, new RenderOptions
                {
                    Width = job.Render.Width,
                    Height = job.Render.Height,
                    Scale = job.Render.Scale,
                    Format = format,
                    Theme = ChartTheme.For(job.Render.Theme),
                });
                artifacts.Add(new RenderedArtifact(name, format.Name(), rendered.ContentType, rendered.Bytes, rendered.PixelWidth, rendered.PixelHeight));
            }
        }

        if (job.Render.Report)
        {
            var report = renderer.RenderReport(LabReport.Build(job.Analysis.Input, analysis));
            artifacts.Add(new RenderedArtifact(ReportName, "pdf", report.ContentType, report.Bytes, (int)Math.Round(RenderedReport.PageWidth), (int)Math.Round(RenderedReport.PageHeight)));
            artifacts.Add(new RenderedArtifact(DataName, "csv", ProcessedDataCsv.ContentType, ProcessedDataCsv.Write(analysis, job.Analysis.Input.Rounding), 0, 0));
        }

        LabChartsTelemetry.RenderDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, experiment);
        return new PipelineOutput(result, artifacts);
    }
}
