using System.Net;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>
/// Values that pass every check yet break the computation (found by the fuzz suite): 1e308 in a column,
/// as an instrument error, a denormal constant. The job ends failed with not_computable at once (a caller
/// waiting gets the 400 problem), instead of being retried until processing_failed or left running.
/// </summary>
public sealed class ExtremeValuesTests : IDisposable
{
    private readonly LabChartsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("""{"experiment":"custom","data":{"x":{"values":[1,2,3,4,5]},"y":{"values":[2.02,3.98,6.01,7.99,1E+308]}},"model":"proportional"}""")]
    [InlineData("""{"experiment":"ohm","data":{"U":{"values":[1,2.1,2.9,4,5.1],"unit":"V"},"I":{"values":[0.01,0.02,0.03,1E+308,0.05],"unit":"A"}}}""")]
    [InlineData("""{"experiment":"pendulum","data":{"L":{"values":[0.5,0.6,0.7,0.8,0.9],"unit":"m","instrumentError":1E+308},"T":{"values":[1.419,1.553,1.679,1.794,1.903],"unit":"s"}}}""")]
    [InlineData("""{"experiment":"pendulum","data":{"L":{"values":[0.5,0.6,0.7,0.8,0.9],"unit":"m"},"T":{"values":[1.419,1.553,1.679,1.794,1.903],"unit":"s"}},"constants":{"g_ref":{"value":5E-324,"unit":"m/s^2"}}}""")]
    public async Task OverflowingValues_EndAtOnceAsNotComputable(string body)
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(body), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "not_computable", "an overflowing value");
        // At once: one attempt, not five.
        using var list = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/jobs", TestContext.Current.CancellationToken));
        var id = list.RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        using var job = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/jobs/{id}", TestContext.Current.CancellationToken));
        Assert.Equal(1, job.RootElement.GetProperty("attempts").GetInt32());
    }
}
