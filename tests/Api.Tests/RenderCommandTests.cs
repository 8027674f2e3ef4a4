using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Worker.Commands;

namespace LabCharts.Api.Tests;

/// <summary>The worker's <c>render</c> command: the same pipeline with no server at all.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "labcharts-render", Guid.NewGuid().ToString("N"));

    public RenderCommandTests() => Directory.CreateDirectory(Path.Combine(_dir, "in"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Render_Folder_WritesResultAndChartMatchingTheApi()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "in", "pendulum.json"), SampleRequests.Pendulum, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_dir, "in", "spring.json"), SampleRequests.CustomProportional, TestContext.Current.CancellationToken);
        var output = new StringWriter();

        var exit = await RenderCommand.RunAsync([Path.Combine(_dir, "in"), "--out", Path.Combine(_dir, "out")], output, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        using var result = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_dir, "out", "pendulum", "result.json"), TestContext.Current.CancellationToken));
        Assert.Equal("succeeded", result.RootElement.GetProperty("status").GetString());
        var artifact = Assert.Single(result.RootElement.GetProperty("artifacts").EnumerateArray());
        Assert.Equal("chart.png", artifact.GetProperty("url").GetString());
        var png = await File.ReadAllBytesAsync(Path.Combine(_dir, "out", "pendulum", "chart.png"), TestContext.Current.CancellationToken);
        Assert.Equal((1200, 900), PngHeader.Read(png));
        Assert.True(File.Exists(Path.Combine(_dir, "out", "spring", "result.json")));

        // The same request through the API gives the same result and the same chart bytes.
        using var factory = new LabChartsFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(SampleRequests.Pendulum), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(result.RootElement.GetProperty("result").GetRawText()),
            System.Text.Json.Nodes.JsonNode.Parse(job.RootElement.GetProperty("result").GetRawText())));
        var apiPng = await client.GetByteArrayAsync(job.RootElement.GetProperty("artifacts")[0].GetProperty("url").GetString(), TestContext.Current.CancellationToken);
        Assert.Equal(png, apiPng);
    }

    [Fact]
    public async Task Render_BadRequestFile_WritesFailedResultAndExits1()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "in", "bad.json"), "{\"experiment\": \"pendulum\", \"data\": {\"L\": {\"values\": [1, 2, 3]}}}", TestContext.Current.CancellationToken);

        var exit = await RenderCommand.RunAsync([Path.Combine(_dir, "in", "bad.json"), "--out", Path.Combine(_dir, "out")], TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        using var result = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_dir, "out", "bad", "result.json"), TestContext.Current.CancellationToken));
        Assert.Equal("failed", result.RootElement.GetProperty("status").GetString());
        Assert.Equal("missing_column", result.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Render_NoOutDir_IsUsageError()
    {
        var exit = await RenderCommand.RunAsync(["x.json"], TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken);
        Assert.Equal(2, exit);
    }
}
