using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

public sealed class IdentityAndFilesTests
{
    [Fact]
    public async Task Production_NoIdentity_Is401()
    {
        using var factory = new LabChartsFactory("Production");
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(SampleRequests.Pendulum), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthenticated", "no headers");
    }

    [Fact]
    public async Task Production_OpenIdWithoutGatewaySource_Is401()
    {
        using var factory = new LabChartsFactory("Production");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-WX-OPENID", "forged");
        using var response = await client.GetAsync("/api/jobs", TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthenticated", "no X-WX-SOURCE");
    }

    [Fact]
    public async Task Production_SharedEnvironment_FromOpenIdOwnsTheJob()
    {
        using var factory = new LabChartsFactory("Production");
        using var shared = factory.CreateGatewayClient("env-owner", ("X-WX-FROM-OPENID", "student"), ("X-WX-FROM-APPID", "wx-other-app"));
        using var owner = factory.CreateGatewayClient("env-owner");

        using var submitted = await shared.PostAsync("/api/jobs", SampleRequests.Json(SampleRequests.CustomProportional), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var statusUrl = submitted.Headers.Location!.OriginalString;

        using var asStudent = await shared.GetAsync(statusUrl, TestContext.Current.CancellationToken);
        using var asOwner = await owner.GetAsync(statusUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, asStudent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asOwner.StatusCode);
    }

    [Fact]
    public async Task Storage_OwnerFolder_IsAHashNotTheOpenId()
    {
        using var factory = new LabChartsFactory("Production");
        using var client = factory.CreateGatewayClient("../../evil");
        using var submitted = await client.PostAsync("/api/jobs", SampleRequests.Json(SampleRequests.CustomProportional), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);

        var owners = Directory.GetDirectories(Path.Combine(factory.DataRoot, "jobs")).Select(Path.GetFileName).ToList();
        var folder = Assert.Single(owners);
        Assert.Matches("^u[0-9a-f]{32}$", folder);
    }

    [Fact]
    public async Task Files_TamperedOrExpiredUrl_Is403()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new LabChartsFactory(time: time);
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(SampleRequests.Pendulum), TestContext.Current.CancellationToken);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var url = job.RootElement.GetProperty("artifacts")[0].GetProperty("url").GetString()!;

        using var good = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);

        var tamperedSignature = url[..^2] + (url[^2] == 'A' ? "BB" : "AA");
        var tamperedKey = url.Replace("chart.png", "record.json", StringComparison.Ordinal);
        var tamperedExpiry = System.Text.RegularExpressions.Regex.Replace(url, "exp=(\\d+)", m => $"exp={long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 3600}");
        foreach (var bad in new[] { tamperedSignature, tamperedKey, tamperedExpiry, url.Split('?')[0] })
        {
            using var refused = await client.GetAsync(bad, TestContext.Current.CancellationToken);
            await ProblemAssert.IsAsync(refused, HttpStatusCode.Forbidden, "invalid_signature", bad);
        }

        time.Advance(TimeSpan.FromHours(2));
        using var expired = await client.GetAsync(url, TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(expired, HttpStatusCode.Forbidden, "invalid_signature", "expired");
    }
}
