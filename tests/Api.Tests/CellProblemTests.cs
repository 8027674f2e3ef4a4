using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>
/// A bad value in a data table names its cell (<c>field</c>, <c>point</c>, <c>reading</c>), so the web
/// console and other table editors can mark it; and the catalogue offers each column's unit menu.
/// </summary>
public sealed class CellProblemTests : IDisposable
{
    private const string Body = """
        {"experiment": "pendulum", "data": {
          "L": {"values": [0.50, 0.60, LVALUE, 0.80, 0.90], "unit": "m"},
          "T": {"values": [[1.419, 1.421], [1.553, 1.556], [1.679, 1.677], [1.794, TVALUE], [1.903, 1.905]], "unit": "s"}}}
        """;

    private readonly LabChartsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string, string, string, int, int?, string> Cases => new()
    {
        // name, L's third value, T's 4th point's 2nd reading, code, field, point, reading, words in the message
        { "a word for a single reading", "\"abc\"", "1.796", "malformed_json", 2, null, "第 3 个数据点“abc”不是数字" },
        { "an empty cell", "\"\"", "1.796", "malformed_json", 2, null, "第 3 个数据点为空" },
        { "a null reading", "null", "1.796", "malformed_json", 2, null, "“null”不是数字" },
        { "a negative length", "-0.7", "1.796", "non_positive_value", 2, null, "第 3 个数据点是 -0.7" },
        { "a word in repeated readings", "0.70", "\"1,796\"", "malformed_json", 3, 1, "第 4 个数据点的第 2 次读数“1,796”不是数字" },
        { "a negative repeated reading", "0.70", "-1.796", "non_positive_value", 3, 1, "第 4 个数据点的第 2 次读数是 -1.796" },
        { "NaN in repeated readings", "0.70", "\"NaN\"", "not_finite", 3, 1, "第 4 个数据点的第 2 次读数不是有限数" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Submit_BadCell_NamesColumnPointAndReading(string name, string l, string t, string code, int point, int? reading, string words)
    {
        using var client = _factory.CreateClient();
        var body = Body.Replace("LVALUE", l, StringComparison.Ordinal).Replace("TVALUE", t, StringComparison.Ordinal);
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(body), TestContext.Current.CancellationToken);

        var column = reading is null && point == 2 ? "data.L" : "data.T";
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, code, column, name);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = problem.RootElement;
        Assert.Equal(point, root.GetProperty("point").GetInt32());
        if (reading is { } r)
        {
            Assert.Equal(r, root.GetProperty("reading").GetInt32());
        }
        else
        {
            Assert.False(root.TryGetProperty("reading", out _), $"{name}: no reading index for a single reading");
        }
        Assert.Contains(words, root.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_factory.DataRoot, "jobs")), $"{name}: nothing may be stored");
    }

    [Fact]
    public async Task Submit_BadCell_InEnglish()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var body = Body.Replace("LVALUE", "\"abc\"", StringComparison.Ordinal).Replace("TVALUE", "1.796", StringComparison.Ordinal);
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(body), TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("In column L, point 3, 'abc' is not a number.", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Experiments_OfferUnitMenusOfTheRightKind()
    {
        using var client = _factory.CreateClient();
        using var catalogue = JsonDocument.Parse(await client.GetStringAsync("/api/experiments", TestContext.Current.CancellationToken));
        List<string> Units(string experiment, string group, string key) => [.. catalogue.RootElement.EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == experiment).GetProperty(group).EnumerateArray()
            .Single(c => c.GetProperty("key").GetString() == key).GetProperty("units").EnumerateArray().Select(u => u.GetString()!)];

        var length = Units("pendulum", "columns", "L");
        Assert.Equal("m", length[0]);
        Assert.Contains("cm", length);
        Assert.Contains("mm", length);
        Assert.DoesNotContain("s", length);
        var period = Units("pendulum", "columns", "T");
        Assert.Equal(["s", "ms", "μs", "min"], period);
        var g = Units("pendulum", "constants", "g_ref");
        Assert.Equal(["m/s²", "cm/s²"], g);
        Assert.Empty(Units("custom", "columns", "x"));
    }
}
