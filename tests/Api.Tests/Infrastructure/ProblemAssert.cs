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
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }
}
