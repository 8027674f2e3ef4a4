using System.Net;
using System.Text.Json;

namespace LabCharts.Api.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>The response is problem+json with this status and stable code, and a message.</summary>
    public static async Task IsAsync(HttpResponseMessage response, HttpStatusCode status, string code, string because)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{because}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.True(code == problem.RootElement.GetProperty("code").GetString(), $"{because}: expected code {code}: {body}");
        var title = problem.RootElement.GetProperty("title").GetString();
        Assert.False(string.IsNullOrWhiteSpace(title));
        // A message never names an internal type (issue 8).
        foreach (var leak in new[] { ".NET", "System.", "LabCharts.", "Exception" })
        {
            Assert.False(title!.Contains(leak, StringComparison.Ordinal), $"{because}: the message names an internal type: {title}");
        }
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>As <see cref="IsAsync"/>, and the problem blames <paramref name="field"/>.</summary>
    public static async Task IsAsync(HttpResponseMessage response, HttpStatusCode status, string code, string field, string because)
    {
        await IsAsync(response, status, code, because);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.TryGetProperty("field", out var blamed), $"{because}: no field in the problem");
        Assert.Equal(field, blamed.GetString());
    }
}
