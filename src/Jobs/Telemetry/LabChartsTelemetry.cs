using System.Diagnostics;
using System.Diagnostics.Metrics;
using LabCharts.Jobs.Messages;

namespace LabCharts.Jobs.Telemetry;

/// <summary>
/// LabCharts' own traces and metrics, on .NET's <see cref="ActivitySource"/> and <see cref="Meter"/>
/// (exported by OpenTelemetry when the host wires it: <see cref="TelemetryExtensions"/>). A job's trace
/// runs from <c>POST /api/jobs</c> through the queue — its W3C <c>traceparent</c> travels in the message
/// headers — to the worker's analysis, rendering and uploads.
/// </summary>
public static class LabChartsTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "LabCharts.Jobs";

    /// <summary>Spans of the job service and the worker.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>The job metrics.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Jobs accepted, by experiment.</summary>
    public static readonly Counter<long> JobsSubmitted = Meter.CreateCounter<long>(
        "labcharts.jobs.submitted", "{job}", "Jobs accepted (202 or 200), by experiment.");

    /// <summary>Problems answered (a refused submission among them), by code and status.</summary>
    public static readonly Counter<long> Problems = Meter.CreateCounter<long>(
        "labcharts.problems", "{response}", "Problem answers (400 bad data, 401, 429 limits, 503 outages …), by code and status.");

    /// <summary>Jobs a worker ended, by experiment, status and code.</summary>
    public static readonly Counter<long> JobsCompleted = Meter.CreateCounter<long>(
        "labcharts.jobs.completed", "{job}", "Jobs ended by a worker, by experiment, status (succeeded, failed) and code.");

    /// <summary>Submit to done.</summary>
    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "labcharts.job.duration", "s", "From submission to the final record, by experiment and status.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300] });

    /// <summary>The analysis of one job.</summary>
    public static readonly Histogram<double> FitDuration = Meter.CreateHistogram<double>(
        "labcharts.fit.duration", "ms", "The analysis (fit, uncertainties) of one job, by experiment.", advice: Milliseconds);

    /// <summary>Rendering every chart, report and table of one job.</summary>
    public static readonly Histogram<double> RenderDuration = Meter.CreateHistogram<double>(
        "labcharts.render.duration", "ms", "Rendering every artifact of one job, by experiment.", advice: Milliseconds);

    /// <summary>Uploading one job's artifacts.</summary>
    public static readonly Histogram<double> StorageDuration = Meter.CreateHistogram<double>(
        "labcharts.storage.duration", "ms", "Uploading one job's artifacts to storage.", advice: Milliseconds);

    /// <summary>Batch re-render progress, by outcome (published, succeeded, failed, skipped).</summary>
    public static readonly Counter<long> BatchJobs = Meter.CreateCounter<long>(
        "labcharts.batch.jobs", "{job}", "Batch re-render jobs, by outcome: published, succeeded, failed, skipped.");

    private static InstrumentAdvice<double> Milliseconds => new() { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000] };

    /// <summary>The current span as a W3C <c>traceparent</c>, to send with a message.</summary>
    public static string? CurrentTraceParent =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>A producer span for publishing <paramref name="message"/> to <paramref name="queue"/>.</summary>
    public static Activity? StartPublish(JobMessage message, string queue)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = Source.StartActivity($"{queue} publish", ActivityKind.Producer);
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("labcharts.job.id", message.JobId);
        return activity;
    }

    /// <summary>The worker's span for one delivery, a child of the submitter's span when the message carries one.</summary>
    public static Activity? StartProcessing(JobMessage message, int deliveryCount)
    {
        ArgumentNullException.ThrowIfNull(message);
        ActivityContext.TryParse(message.TraceParent, null, isRemote: true, out var parent);
        var activity = Source.StartActivity("job process", ActivityKind.Consumer, parent);
        activity?.SetTag("labcharts.job.id", message.JobId);
        activity?.SetTag("labcharts.job.lane", message.Lane == JobLane.Batch ? "batch" : "interactive");
        activity?.SetTag("messaging.message.delivery_count", deliveryCount);
        if (message.BatchId is { } batch)
        {
            activity?.SetTag("labcharts.batch.id", batch);
        }
        return activity;
    }

    /// <summary>A span for a stage of the work (analyse, render, store).</summary>
    public static Activity? StartStage(string name) => Source.StartActivity(name);
}
