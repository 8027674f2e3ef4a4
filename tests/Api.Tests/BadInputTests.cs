using System.Net;
using System.Text;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>Every bad input answers 4xx problem+json with a stable code, and stores nothing.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly LabChartsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private const string Pendulum = SampleRequests.Pendulum;

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "malformed", "{\"experiment\": \"pendulum\", \"data\": {", "malformed_json" },
        { "not an object", "[1, 2, 3]", "malformed_json" },
        { "values not numbers", Pendulum.Replace("[0.50, 0.60, 0.70, 0.80, 0.90]", "\"abc\"", StringComparison.Ordinal), "malformed_json" },
        { "word in values", Pendulum.Replace("0.60,", "\"six\",", StringComparison.Ordinal), "malformed_json" },
        { "unknown property", Pendulum.Replace("\"title\"", "\"titel\"", StringComparison.Ordinal), "unknown_field" },
        { "wrong type", Pendulum.Replace("\"单摆测重力加速度\"", "5", StringComparison.Ordinal), "malformed_json" },
        { "object for a name", Pendulum.Replace("\"pendulum\"", "{\"id\": \"pendulum\"}", StringComparison.Ordinal), "malformed_json" },
        { "null in values", Pendulum.Replace("0.60,", "null,", StringComparison.Ordinal), "malformed_json" },
        { "deeply nested", "{\"experiment\": " + new string('[', 5000) + new string(']', 5000) + "}", "malformed_json" },
        { "no experiment", "{\"data\": {\"x\": {\"values\": [1]}}}", "missing_field" },
        { "no data", "{\"experiment\": \"pendulum\"}", "missing_field" },
        { "unknown experiment", Pendulum.Replace("\"pendulum\"", "\"perpetuum\"", StringComparison.Ordinal), "unknown_experiment" },
        { "missing column", """{"experiment": "pendulum", "data": {"T": {"values": [1.42, 1.55, 1.68]}}}""", "missing_column" },
        { "unknown column", Pendulum.Replace("\"T\":", "\"X\": {\"values\": [1, 2, 3, 4, 5]}, \"T\":", StringComparison.Ordinal), "unknown_column" },
        { "length mismatch", Pendulum.Replace("0.50, 0.60, 0.70, 0.80, 0.90", "0.50, 0.60, 0.70, 0.80", StringComparison.Ordinal), "length_mismatch" },
        { "NaN", Pendulum.Replace("0.60,", "\"NaN\",", StringComparison.Ordinal), "not_finite" },
        { "infinity literal", Pendulum.Replace("0.60,", "1e999,", StringComparison.Ordinal), "not_finite" },
        { "negative length", Pendulum.Replace("0.60,", "-0.60,", StringComparison.Ordinal), "non_positive_value" },
        { "too few points", """{"experiment": "pendulum", "data": {"L": {"values": [0.5, 0.6]}, "T": {"values": [1.42, 1.55]}}}""", "too_few_points" },
        { "unknown unit", Pendulum.Replace("\"unit\": \"m\"", "\"unit\": \"furlong\"", StringComparison.Ordinal), "unknown_unit" },
        { "unknown model", SampleRequests.CustomProportional.Replace("\"proportional\"", "\"hyperbolic-ish\"", StringComparison.Ordinal), "unknown_model" },
        { "bad format", Pendulum.Replace("[\"png\"]", "[\"gif\"]", StringComparison.Ordinal), "invalid_value" },
        { "huge chart", Pendulum.Replace("\"width\": 1200", "\"width\": 100000", StringComparison.Ordinal), "invalid_value" },
        { "bad rounding", Pendulum.Replace("\"render\"", "\"options\": {\"rounding\": \"sideways\"}, \"render\"", StringComparison.Ordinal), "invalid_value" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Submit_BadInput_Answers400ProblemWithCode(string name, string body, string code)
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(body), TestContext.Current.CancellationToken);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, code, name);
        Assert.False(Directory.Exists(Path.Combine(_factory.DataRoot, "jobs")), $"{name}: nothing may be stored");
    }

    public static TheoryData<string, string, string, string> BlamedCases() => new()
    {
        { "null column", Pendulum.Replace("\"L\": {", "\"L\": null, \"L2\": {", StringComparison.Ordinal), "invalid_value", "data.L" },
        { "null constant", Pendulum.Replace("\"g_ref\": {", "\"g_ref\": null, \"g2\": {", StringComparison.Ordinal), "invalid_value", "constants.g_ref" },
        { "null column values", Pendulum.Replace("[0.50, 0.60, 0.70, 0.80, 0.90]", "null", StringComparison.Ordinal), "missing_field", "data.L.values" },
        { "typo in a column", Pendulum.Replace("\"unit\": \"m\"", "\"units\": \"m\"", StringComparison.Ordinal), "unknown_field", "data.L.units" },
        { "wrong type", Pendulum.Replace("\"width\": 1200", "\"width\": \"big\"", StringComparison.Ordinal), "malformed_json", "render.width" },
        { "typo in options", Pendulum.Replace("\"render\"", "\"options\": {\"rounnding\": \"up\"}, \"render\"", StringComparison.Ordinal), "unknown_field", "options.rounnding" },
        { "typo in render", Pendulum.Replace("\"width\"", "\"widht\"", StringComparison.Ordinal), "unknown_field", "render.widht" },
        { "column outside data", """{"experiment": "custom", "model": "linear", "x": {"values": [1, 2, 3]}, "data": {"y": {"values": [2, 4, 6]}}}""", "unknown_field", "x" },
    };

    [Theory]
    [MemberData(nameof(BlamedCases))]
    public async Task Submit_NullOrUnknownField_Answers400NamingTheField(string name, string body, string code, string field)
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(body), TestContext.Current.CancellationToken);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, code, field, name);
        Assert.False(Directory.Exists(Path.Combine(_factory.DataRoot, "jobs")), $"{name}: nothing may be stored");
    }

    [Fact]
    public async Task Submit_ColumnOutsideData_HintsWhereColumnsGo()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(
            """{"experiment": "custom", "model": "linear", "x": {"values": [1, 2, 3]}, "y": {"values": [2, 4, 6]}}"""),
            TestContext.Current.CancellationToken);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "unknown_field", "x", "column outside data");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("放在 data 下", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_EmptyBody_Answers400()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(""), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "malformed_json", "empty");
    }

    [Fact]
    public async Task Submit_BodyOverOneMegabyte_Answers413()
    {
        using var client = _factory.CreateClient();
        var big = new StringBuilder("{\"experiment\": \"custom\", \"title\": \"");
        big.Append('x', 1024 * 1024 + 10).Append("\"}");
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(big.ToString()), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge, "body_too_large", "big");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    public async Task Submit_BadWait_Answers400(string wait)
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync($"/api/jobs?wait={wait}", SampleRequests.Json(Pendulum), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_value", wait);
    }

    [Fact]
    public async Task Submit_AcceptLanguageEnglish_MessageInEnglish()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en-US,en;q=0.9");
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(Pendulum.Replace("\"L\":", "\"Len\":", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var title = problem.RootElement.GetProperty("title").GetString()!;
        Assert.DoesNotContain(title, c => c >= 0x4E00 && c <= 0x9FFF);
    }

    [Fact]
    public async Task Submit_DefaultLanguage_MessageInChinese()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(Pendulum.Replace("\"L\":", "\"Len\":", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(problem.RootElement.GetProperty("title").GetString()!, c => c >= 0x4E00 && c <= 0x9FFF);
    }
}
