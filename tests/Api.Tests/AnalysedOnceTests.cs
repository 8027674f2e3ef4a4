using System.Net;
using System.Text.Json;
using LabCharts.Analysis;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>Counting fits needs the process to itself: these tests run after all others, one at a time.</summary>
[CollectionDefinition(nameof(FitCounting), DisableParallelization = true)]
public sealed class FitCounting;

/// <summary>
/// Issue 8: a job is analysed exactly once end to end (the API checks without fitting, the worker
/// fits once), and a request only the fit can reject still reaches a waiting caller as the same 400.
/// </summary>
[Collection(nameof(FitCounting))]
public sealed class AnalysedOnceTests : IDisposable
{
    private readonly LabChartsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Submit_WaitForPendulum_FitsExactlyOnce()
    {
        using var client = _factory.CreateClient();
        using var fits = new FitCounter();

        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(SampleRequests.Pendulum),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, fits.Count);
    }

    [Fact]
    public async Task Submit_SlopeOnlyTheFitRejects_WaitingCallerGetsTheSame400_JobIsFailedWithThatCode()
    {
        // T falls as L grows: every check before the fit passes; the fitted slope is negative.
        var body = SampleRequests.Pendulum.Replace("[0.50, 0.60, 0.70, 0.80, 0.90]", "[0.90, 0.80, 0.70, 0.60, 0.50]",
            StringComparison.Ordinal);
        using var client = _factory.CreateClient();
        using var fits = new FitCounter();

        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(body), TestContext.Current.CancellationToken);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "non_physical_slope", "data.L", "negative slope, waited");
        Assert.Equal(1, fits.Count);
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/jobs", TestContext.Current.CancellationToken));
        var failed = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("non_physical_slope", failed.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submit_SlopeOnlyTheFitRejects_NoWait_Accepted_ThenFailedWithTheCode()
    {
        var body = SampleRequests.Pendulum.Replace("[0.50, 0.60, 0.70, 0.80, 0.90]", "[0.90, 0.80, 0.70, 0.60, 0.50]",
            StringComparison.Ordinal);
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await JobPolling.UntilFinalAsync(client, response.Headers.Location!.ToString());
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("non_physical_slope", job.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("data.L", job.GetProperty("error").GetProperty("field").GetString());
    }
}
