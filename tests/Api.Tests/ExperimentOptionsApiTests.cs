using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>Experiment options and custom models reach the analysis through the API.</summary>
public sealed class ExperimentOptionsApiTests : IDisposable
{
    private readonly LabChartsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    // Charging RC circuit generated from U = 5·(1 − e^(−t/2)) V, R = 10 kΩ: τ = 2 s, C = τ/R = 200 μF.
    private const string RcCharge = """
        {
          "experiment": "rc_circuit",
          "data": {
            "t": { "values": [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8] },
            "U": { "values": [0, 1.1060, 1.9673, 2.6382, 3.1606, 3.8843, 4.3233, 4.5896, 4.7511, 4.9084] }
          },
          "constants": { "R": { "value": 10, "unit": "kΩ" } },
          "options": { "mode": "charge" },
          "render": { "formats": [] }
        }
        """;

    [Fact]
    public async Task Submit_RcChargingWithModeOption_GivesTauFromTheLaw()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(RcCharge), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var job = JsonDocument.Parse(body);
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
        var tau = job.RootElement.GetProperty("result").GetProperty("quantities").EnumerateArray()
            .Single(q => q.GetProperty("symbol").GetString() == "τ");
        Assert.Equal(2.0, tau.GetProperty("value").GetDouble(), 2);
    }

    [Fact]
    public async Task Submit_UnknownOptionValue_Is400InvalidOption()
    {
        using var client = _factory.CreateClient();
        var body = RcCharge.Replace("\"charge\"", "\"sideways\"", StringComparison.Ordinal);
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(body), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_option", "mode sideways");
    }

    [Fact]
    public async Task Submit_MalformedExpression_Is400WithPosition()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        var body = """
            {"experiment": "custom", "model": {"expression": "a*exp(-x/b)+", "initial": {"a": 1, "b": 2}},
             "data": {"x": {"values": [1, 2, 3, 4]}, "y": {"values": [1, 0.6, 0.37, 0.22]}}}
            """;
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(body), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_expression", "dangling +");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("position", problem.RootElement.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Submit_ExpressionModel_FitsItsParameters()
    {
        using var client = _factory.CreateClient();
        // y = 3·e^(−x/2) exactly: a = 3, b = 2.
        var ys = string.Join(", ", Enumerable.Range(0, 8).Select(i => (3 * Math.Exp(-i / 2.0)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var body = $$$"""
            {"experiment": "custom", "model": {"expression": "a*exp(-x/b)", "initial": {"a": 1, "b": 1}},
             "data": {"x": {"values": [0, 1, 2, 3, 4, 5, 6, 7]}, "y": {"values": [{{{ys}}}]}}, "render": {"formats": []}}
            """;
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(body), TestContext.Current.CancellationToken);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var parameters = job.RootElement.GetProperty("result").GetProperty("fit").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetDouble());
        Assert.Equal(3.0, parameters["a"], 6);
        Assert.Equal(2.0, parameters["b"], 6);
    }
}
