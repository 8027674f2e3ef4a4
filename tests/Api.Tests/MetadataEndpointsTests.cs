using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

public sealed class MetadataEndpointsTests : IDisposable
{
    private readonly LabChartsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Ping_AnswersPong()
    {
        using var client = _factory.CreateClient();
        using var ping = JsonDocument.Parse(await client.GetStringAsync("/api/ping", TestContext.Current.CancellationToken));
        Assert.Equal("pong", ping.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Ready_StorageReachable_Is200()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Experiments_ListsPendulumAndCustomWithColumns()
    {
        using var client = _factory.CreateClient();
        using var catalogue = JsonDocument.Parse(await client.GetStringAsync("/api/experiments", TestContext.Current.CancellationToken));
        var pendulum = catalogue.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "pendulum");
        Assert.Equal("单摆测重力加速度", pendulum.GetProperty("nameZh").GetString());
        var columns = pendulum.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("unit").GetString());
        Assert.Equal("m", columns["L"]);
        Assert.Equal("s", columns["T"]);
        var custom = catalogue.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "custom");
        var models = custom.GetProperty("models").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("linear", models);
        Assert.Contains("proportional", models);
    }

    [Fact]
    public async Task OpenApi_DescribesTheJobRoutes()
    {
        using var client = _factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/jobs", out _));
        Assert.True(paths.TryGetProperty("/api/jobs/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/experiments", out _));
        var body = paths.GetProperty("/api/jobs").GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task Docs_ServesSwaggerUi()
    {
        using var client = _factory.CreateClient();
        var html = await client.GetStringAsync("/docs/index.html", TestContext.Current.CancellationToken);
        Assert.Contains("swagger-ui", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownRoute_IsProblemJson404()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not_found", "unknown route");
    }
}
