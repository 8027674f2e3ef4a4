using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>
/// The API serves the web console at <c>/</c> and gives it what it needs beyond the job routes: the
/// stored request of one's own job, to edit and submit again.
/// </summary>
public sealed class ConsoleHostingTests : IDisposable
{
    private readonly LabChartsFactory _factory = new("Production");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Root_ServesTheConsoleAndItsModule()
    {
        using var client = _factory.CreateClient();
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("console.js", html, StringComparison.Ordinal);
        using var script = await client.GetAsync("/console.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        // Unknown API routes are still problems, not the page.
        using var missing = await client.GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(missing, HttpStatusCode.NotFound, "not_found", "unknown route");
    }

    [Fact]
    public async Task Request_OfOwnJobOnly()
    {
        using var owner = _factory.CreateGatewayClient("console-owner");
        using var accepted = await owner.PostAsync("/api/jobs", SampleRequests.Json(
            """{"experiment": "custom", "model": "linear", "title": "重提", "data": {"x": {"values": [1, 2, 3]}, "y": {"values": ["2.0", 4, 6.1], "unit": "V"}}}"""),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString();

        using var request = JsonDocument.Parse(await owner.GetStringAsync($"/api/jobs/{id}/request", TestContext.Current.CancellationToken));
        Assert.Equal("custom", request.RootElement.GetProperty("experiment").GetString());
        Assert.Equal("重提", request.RootElement.GetProperty("title").GetString());
        Assert.Equal("V", request.RootElement.GetProperty("data").GetProperty("y").GetProperty("unit").GetString());
        Assert.Equal(2.0, request.RootElement.GetProperty("data").GetProperty("y").GetProperty("values")[0].GetDouble());

        using var other = _factory.CreateGatewayClient("console-other");
        using var hidden = await other.GetAsync($"/api/jobs/{id}/request", TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(hidden, HttpStatusCode.NotFound, "job_not_found", "another caller's request");
        using var malformed = await owner.GetAsync("/api/jobs/..%2f..%2fsecret/request", TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(malformed, HttpStatusCode.NotFound, "job_not_found", "a malformed id");
        using var anonymous = _factory.CreateClient();
        using var refused = await anonymous.GetAsync($"/api/jobs/{id}/request", TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(refused, HttpStatusCode.Unauthorized, "unauthenticated", "no identity");
    }
}
