using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

public sealed class JobsApiTests : IDisposable
{
    private readonly LabChartsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Submit_PendulumWithWait_AnswersSucceededWithHandCalculatedG()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(SampleRequests.Pendulum), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = job.RootElement;
        Assert.Equal("succeeded", root.GetProperty("status").GetString());

        // Hand calculation (unweighted, as a check on the weighted fit the service does):
        // mean periods 1.419333, 1.554333, 1.678667, 1.794333, 1.903333 s → T² = 2.014507, 2.415952,
        // 2.817921, 3.219632, 3.622678 s²; x̄ = 0.7 m, Sxx = 0.1 m², Sxy = Σ(L−x̄)·T² = 0.4020022 s²·m,
        // k = Sxy/Sxx = 4.020022 s²/m, g = 4π²/k = 39.478418/4.020022 = 9.8205 m/s².
        // The weighted fit (σ(T²) = 2T·u(T)) differs from it by far less than the 0.01 allowed here.
        var g = root.GetProperty("result").GetProperty("quantities").EnumerateArray()
            .Single(q => q.GetProperty("symbol").GetString() == "g");
        Assert.InRange(g.GetProperty("value").GetDouble(), 9.8105, 9.8305);
        Assert.StartsWith("g = (9.8", g.GetProperty("formatted").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("m/s²", g.GetProperty("formatted").GetString(), StringComparison.Ordinal);
        var fit = root.GetProperty("result").GetProperty("fit");
        Assert.True(fit.GetProperty("rSquared").GetDouble() > 0.999);
        Assert.Equal(3, fit.GetProperty("degreesOfFreedom").GetInt32());

        var artifact = Assert.Single(root.GetProperty("artifacts").EnumerateArray());
        Assert.Equal("png", artifact.GetProperty("format").GetString());
        Assert.Equal(1200, artifact.GetProperty("width").GetInt32());
        Assert.Equal(900, artifact.GetProperty("height").GetInt32());

        using var chart = await client.GetAsync(new Uri(artifact.GetProperty("url").GetString()!), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        var png = await chart.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(artifact.GetProperty("bytes").GetInt64(), png.Length);
        var (width, height) = PngHeader.Read(png);
        Assert.Equal((1200, 900), (width, height));
    }

    [Fact]
    public async Task Submit_WithoutWait_Answers202AndStatusUrlReachesSucceeded()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(SampleRequests.CustomProportional), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var statusUrl = accepted.RootElement.GetProperty("statusUrl").GetString()!;
        Assert.Equal("queued", accepted.RootElement.GetProperty("status").GetString());
        Assert.Equal(statusUrl, response.Headers.Location?.OriginalString);

        var job = await JobPolling.UntilFinalAsync(client, statusUrl);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        // y = k·x through the origin; by hand k = Σxy/Σx² = (2.02+7.96+18.03+31.96+50)/55 = 109.97/55 = 1.9994545.
        var k = job.GetProperty("result").GetProperty("fit").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "k");
        Assert.Equal(109.97 / 55, k.GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public async Task Submit_NoFormats_SucceedsWithoutArtifacts()
    {
        using var client = _factory.CreateClient();
        var body = SampleRequests.Pendulum.Replace("\"formats\": [\"png\"]", "\"formats\": []", StringComparison.Ordinal);
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
        Assert.Empty(job.RootElement.GetProperty("artifacts").EnumerateArray());
    }

    [Fact]
    public async Task Submit_WithoutContentType_IsReadAsJson()
    {
        using var client = _factory.CreateClient();
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(SampleRequests.CustomProportional));
        using var response = await client.PostAsync("/api/jobs", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task List_ThreeJobs_NewestFirstAndPaged()
    {
        using var client = _factory.CreateClient();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/jobs", SampleRequests.Json(SampleRequests.CustomProportional), TestContext.Current.CancellationToken);
            using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            ids.Add(accepted.RootElement.GetProperty("id").GetString()!);
            await Task.Delay(5, TestContext.Current.CancellationToken); // distinct creation milliseconds
        }

        using var page1 = JsonDocument.Parse(await client.GetStringAsync("/api/jobs?page=1&pageSize=2", TestContext.Current.CancellationToken));
        using var page2 = JsonDocument.Parse(await client.GetStringAsync("/api/jobs?page=2&pageSize=2", TestContext.Current.CancellationToken));

        Assert.Equal(3, page1.RootElement.GetProperty("total").GetInt32());
        var listed = page1.RootElement.GetProperty("items").EnumerateArray()
            .Concat(page2.RootElement.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("id").GetString()!).ToList();
        Assert.Equal(Enumerable.Reverse(ids).ToList(), listed);
    }

    [Fact]
    public async Task Get_AnotherUsersJob_Is404()
    {
        using var production = new LabChartsFactory("Production");
        using var alice = production.CreateGatewayClient("alice");
        using var bob = production.CreateGatewayClient("bob");

        using var submitted = await alice.PostAsync("/api/jobs", SampleRequests.Json(SampleRequests.CustomProportional), TestContext.Current.CancellationToken);
        using var accepted = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var statusUrl = accepted.RootElement.GetProperty("statusUrl").GetString()!;

        using var asAlice = await alice.GetAsync(statusUrl, TestContext.Current.CancellationToken);
        using var asBob = await bob.GetAsync(statusUrl, TestContext.Current.CancellationToken);
        using var bobsList = JsonDocument.Parse(await bob.GetStringAsync("/api/jobs", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, asAlice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asBob.StatusCode);
        Assert.Equal("application/problem+json", asBob.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, bobsList.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/jobs/..%2F..%2Fetc")]
    [InlineData("/api/jobs/00000000000000000000000000zz")]
    [InlineData("/api/jobs/0000000000000000000000000000")]
    public async Task Get_MalformedOrUnknownId_Is404(string path)
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
