using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LabCharts.Integration.Tests;

/// <summary>
/// Issue 14: the API and a worker process over RabbitMQ and S3, each with <c>/metrics</c> on a port of
/// its own and JSON logs. The job counters move as jobs are submitted and done, and one trace runs from
/// <c>POST /api/jobs</c> through the queue (its traceparent in the message headers) into the worker.
/// </summary>
public sealed class ObservabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task JobsMoveTheCounters_AndOneTraceSpansApiAndWorker()
    {
        await using var deployment = await Deployment.CreateAsync(new Dictionary<string, string> { ["Logging__LogLevel__LabCharts"] = "Information" });
        var apiMetrics = HostProcess.FreePort();
        var workerMetrics = HostProcess.FreePort();
        await deployment.StartApiAsync(new Dictionary<string, string> { ["Telemetry__MetricsPort"] = Text(apiMetrics) });
        var worker = deployment.StartWorker(new Dictionary<string, string> { ["Telemetry__MetricsPort"] = Text(workerMetrics) });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var submittedBefore = Sum(await ScrapeAsync(http, apiMetrics), "labcharts_jobs_submitted_total");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await deployment.Client.PostAsync("/api/jobs", Deployment.Json(Deployment.SmallJob(i)), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!);
        }
        var statuses = await deployment.WaitAllFinalAsync(ids, TimeSpan.FromSeconds(60));
        Assert.All(ids, id => Assert.Equal("succeeded", statuses[id]));

        // The API counted the submissions; the worker the completions and each stage's time.
        var api = await ScrapeAsync(http, apiMetrics);
        Assert.Equal(submittedBefore + 5, Sum(api, "labcharts_jobs_submitted_total"));
        Assert.Contains("labcharts_queue_messages{", api, StringComparison.Ordinal);
        Assert.Contains("lane=\"interactive\"", api, StringComparison.Ordinal);
        var workerText = await ScrapeAsync(http, workerMetrics);
        Assert.Equal(5, Sum(workerText, "labcharts_jobs_completed_total"));
        Assert.Contains("status=\"succeeded\"", workerText, StringComparison.Ordinal);
        foreach (var histogram in new[] { "labcharts_fit_duration_milliseconds_count", "labcharts_render_duration_milliseconds_count", "labcharts_storage_duration_milliseconds_count", "labcharts_job_duration_seconds_count" })
        {
            Assert.Equal(5, Sum(workerText, histogram));
        }
        output.WriteLine(string.Join('\n', workerText.Split('\n').Where(l => l.StartsWith("labcharts_jobs", StringComparison.Ordinal))));

        // /metrics is not on the service port the gateway forwards, whatever Host a client writes; and the
        // metrics port serves nothing but /metrics.
        using var onServicePort = await deployment.Client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, onServicePort.StatusCode);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{apiMetrics}";
        using var spoofedAnswer = await deployment.Client.SendAsync(spoofed, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, spoofedAnswer.StatusCode);
        using var apiOnMetricsPort = await http.GetAsync(new Uri($"http://127.0.0.1:{apiMetrics}/api/experiments"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, apiOnMetricsPort.StatusCode);

        // One trace: the API's "accepted" line and the worker's "succeeded" line of a job carry the same trace id,
        // and the worker's lines name the job and its owner (the storage hash, not the openid).
        var id = ids[0];
        var accepted = await LogLineAsync(deployment.ApiProcesses[0], $"Job {id} accepted");
        var done = await LogLineAsync(worker, $"Job {id} succeeded");
        var apiTrace = Scope(accepted, "TraceId");
        Assert.Matches("^[0-9a-f]{32}$", apiTrace);
        Assert.Equal(apiTrace, Scope(done, "TraceId"));
        Assert.NotEqual(Scope(accepted, "SpanId"), Scope(done, "SpanId"));
        Assert.Equal(id, Scope(done, "JobId"));
        Assert.Matches("^u[0-9a-f]{32}$", Scope(done, "Owner"));
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> ScrapeAsync(HttpClient http, int port) =>
        await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), TestContext.Current.CancellationToken);

    /// <summary>The sum of every series of a metric in Prometheus text (0 when absent).</summary>
    private static double Sum(string text, string metric) =>
        text.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    /// <summary>The first JSON log line of a process whose message contains <paramref name="text"/> (waits up to 10 s).</summary>
    private static async Task<JsonElement> LogLineAsync(HostProcess process, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            foreach (var entry in process.LogEntries)
            {
                if (entry.GetProperty("Message").GetString()!.Contains(text, StringComparison.Ordinal))
                {
                    return entry;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"no log line '{text}' in:\n{process.Output}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static string Scope(JsonElement entry, string name) =>
        entry.GetProperty("Scopes").EnumerateArray()
            .Where(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(name, out _))
            .Select(scope => scope.GetProperty(name).ToString())
            .FirstOrDefault() ?? throw new InvalidOperationException($"no {name} in the scopes of {entry}");
}
