using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>
/// A caller's own <c>traceparent</c> does not choose the service's trace (Telemetry:TrustIncomingTraceContext
/// is off by default); behind a gateway that sets it, the setting makes the service continue it.
/// </summary>
public sealed class TraceContextTests
{
    private const string CallersTraceId = "0af7651916cd43dd8448eb211c80319c";

    /// <summary>The trace id the service answered a request under (problem+json carries it).</summary>
    private static async Task<string> TraceIdOfAnswerAsync(LabChartsFactory factory)
    {
        using var client = factory.CreateGatewayClient("trace-student", ("traceparent", $"00-{CallersTraceId}-b7ad6b7169203331-01"));
        using var response = await client.GetAsync("/api/jobs/not-a-job-id", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var traceParent = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .RootElement.GetProperty("traceId").GetString()!;
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", traceParent);
        return traceParent.Split('-')[1];
    }

    [Fact]
    public async Task CallersTraceparent_ByDefault_StartsATraceOfItsOwn()
    {
        using var factory = new LabChartsFactory("Production");
        Assert.NotEqual(CallersTraceId, await TraceIdOfAnswerAsync(factory));
    }

    [Fact]
    public async Task CallersTraceparent_WhenTrusted_IsContinued()
    {
        using var factory = new LabChartsFactory("Production", settings: new Dictionary<string, string> { ["Telemetry:TrustIncomingTraceContext"] = "true" });
        Assert.Equal(CallersTraceId, await TraceIdOfAnswerAsync(factory));
    }
}
