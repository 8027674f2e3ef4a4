using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>
/// The lab-report options through the API: 逐差法, the uncertainty convention, outliers, optional
/// constants, the report artifacts; and what a client may get wrong about them (wrong values and types,
/// an odd number of points) — each a 400 problem naming the field, never a stored job.
/// </summary>
public sealed class LabConventionsApiTests : IDisposable
{
    private readonly LabChartsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    // Sound speed, 10 resonance maxima (WorkedExamples.md §2.5): v = (344.72 ± 0.12) m/s by 逐差法.
    private const string SoundSpeed = """
        {
          "experiment": "sound_speed",
          "data": {
            "i": { "values": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
            "x": { "values": [52.36, 57.08, 61.77, 66.49, 71.20, 75.92, 80.62, 85.33, 90.05, 94.77], "unit": "mm", "instrumentError": 0.01 }
          },
          "constants": { "f": { "value": 36.582, "unit": "kHz", "uncertainty": 0.00577350 } },
          "options": { "method": "successive_differences", "compare": true },
          "render": { "formats": ["png"], "report": true }
        }
        """;

    private async Task<(HttpResponseMessage Response, string Body)> PostAsync(string body, string language = "zh-CN")
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(body), TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SoundSpeed_BySuccessiveDifferences_WithReport_SucceedsWithTheWorkingAndThreeArtifacts()
    {
        var (response, body) = await PostAsync(SoundSpeed);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var job = JsonDocument.Parse(body);
        var result = job.RootElement.GetProperty("result");
        var v = result.GetProperty("quantities").EnumerateArray().Single(q => q.GetProperty("symbol").GetString() == "v");
        Assert.Equal("v = (344.72 ± 0.12) m/s", v.GetProperty("formatted").GetString());
        Assert.Equal("v = f·λ = 2f·|k|", v.GetProperty("budget").GetProperty("formula").GetString());
        Assert.Equal(5, result.GetProperty("differences").GetProperty("pairs").GetArrayLength());
        Assert.Equal(2, result.GetProperty("comparison").GetArrayLength());
        Assert.Equal("successive differences (逐差法)", result.GetProperty("fit").GetProperty("method").GetString());
        Assert.Equal(10, result.GetProperty("data").GetProperty("fitted").GetProperty("points").GetArrayLength());
        var artifacts = job.RootElement.GetProperty("artifacts").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("format").GetString())).ToArray();
        Assert.Equal([("chart", "png"), ("report", "pdf"), ("data", "csv")], artifacts);

        // The CSV downloads through its signed URL with its content type and BOM.
        using var client = _factory.CreateClient();
        var csvUrl = job.RootElement.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "data").GetProperty("url").GetString()!;
        using var csv = await client.GetAsync(csvUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
    }

    [Fact]
    public async Task SuccessiveDifferences_OddNumberOfPoints_Is400NamingThePointsToDrop()
    {
        var odd = SoundSpeed.Replace("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", "[1, 2, 3, 4, 5, 6, 7, 8, 9]", StringComparison.Ordinal)
            .Replace(", 94.77]", "]", StringComparison.Ordinal);
        var (response, body) = await PostAsync(odd);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "odd_point_count", "data.i", "9 points cannot be paired");
        Assert.Contains("第 1 个点", body, StringComparison.Ordinal);
        var (english, englishBody) = await PostAsync(odd, "en");
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("drop the first point", englishBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"method\": \"gradient\"", "invalid_value", "options.method")]
    [InlineData("\"uncertainty\": {\"typeA\": \"z\"}", "invalid_value", "options.uncertainty.typeA")]
    [InlineData("\"uncertainty\": {\"level\": 1.5}", "invalid_value", "options.uncertainty.level")]
    [InlineData("\"uncertainty\": {\"level\": 0.95, \"k\": 0}", "invalid_value", "options.uncertainty.k")]
    [InlineData("\"uncertainty\": {\"levl\": 0.95}", "unknown_field", "options.uncertainty.levl")]
    [InlineData("\"outliers\": \"dixon\"", "invalid_value", "options.outliers")]
    [InlineData("\"outlierAlpha\": 0.9", "invalid_value", "options.outlierAlpha")]
    [InlineData("\"compare\": \"yes\"", "malformed_json", "options.compare")]
    [InlineData("\"uncertainty\": {\"typeA\": \"t\", \"expanded\": true}", "invalid_value", "options.uncertainty.expanded")]
    [InlineData("\"uncertainty\": {\"typeA\": \"t\", \"k\": 2}", "invalid_value", "options.uncertainty.k")]
    [InlineData("\"uncertainty\": [0.95]", "malformed_json", "options.uncertainty")]
    public async Task BadConventionOption_Is400NamingTheField(string option, string code, string field)
    {
        var body = SoundSpeed.Replace("\"method\": \"successive_differences\", \"compare\": true", option, StringComparison.Ordinal);
        var (response, _) = await PostAsync(body);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, code, field, option);
    }

    [Fact]
    public async Task SuccessiveDifferences_OnAnExperimentItDoesNotApplyTo_Is400InvalidOption()
    {
        var pendulum = SampleRequests.Pendulum.Replace("\"render\"", "\"options\": {\"method\": \"successive_differences\"}, \"render\"", StringComparison.Ordinal);
        var (response, _) = await PostAsync(pendulum);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_option", "options.method", "the pendulum's L is not equally spaced by design");
    }

    [Fact]
    public async Task RcCircuitWithoutR_SucceedsWithTauAndAQuantityOmittedNote()
    {
        const string rc = """
            {
              "experiment": "rc_circuit",
              "data": {
                "t": { "values": [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8] },
                "U": { "values": [5, 3.0327, 1.8394, 1.1157, 0.6767, 0.2489, 0.0916, 0.0337, 0.0124, 0.0017] }
              },
              "render": { "formats": [] }
            }
            """;
        var (response, body) = await PostAsync(rc);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var job = JsonDocument.Parse(body);
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
        var result = job.RootElement.GetProperty("result");
        var symbols = result.GetProperty("quantities").EnumerateArray().Select(q => q.GetProperty("symbol").GetString()).ToArray();
        Assert.Contains("τ", symbols);
        Assert.DoesNotContain("C", symbols);
        var note = Assert.Single(result.GetProperty("notes").EnumerateArray());
        Assert.Equal(("quantityOmitted", "C", "R"), (note.GetProperty("code").GetString(), note.GetProperty("quantity").GetString(), note.GetProperty("constant").GetString()));
    }

    [Fact]
    public async Task Experiments_ListTheLineMethodsEachAccepts()
    {
        using var client = _factory.CreateClient();
        using var experiments = JsonDocument.Parse(await client.GetStringAsync("/api/experiments", TestContext.Current.CancellationToken));
        string[] Methods(string id) => [.. experiments.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id)
            .GetProperty("methods").EnumerateArray().Select(m => m.GetString()!)];
        Assert.Equal(["least_squares", "successive_differences"], Methods("young_modulus"));
        Assert.Equal(["least_squares"], Methods("pendulum"));
        Assert.Equal(["least_squares"], Methods("rc_circuit"));
    }
}
