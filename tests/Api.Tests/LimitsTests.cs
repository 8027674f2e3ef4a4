using System.Net;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary>Abuse limits outside Development: the per-openid rate, the per-owner cap, identity, and required keys.</summary>
public sealed class LimitsTests
{
    private static LabChartsFactory Production(params (string Key, string Value)[] settings) =>
        new("Production", settings: settings.ToDictionary(s => s.Key, s => s.Value));

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client) =>
        client.PostAsync("/api/jobs", SampleRequests.Json(SampleRequests.CustomProportional), TestContext.Current.CancellationToken);

    [Fact]
    public async Task SubmissionRate_BurstThen429WithRetryAfter_PerOpenId()
    {
        // A burst of 3, then one every 20 s: the 4th submission within a second is refused.
        using var factory = Production(("Limits:SubmissionsPerMinute", "3"), ("Limits:SubmissionBurst", "3"));
        using var student = factory.CreateGatewayClient("student-a");
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await SubmitAsync(student);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await SubmitAsync(student);
        await ProblemAssert.IsAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited", "the 4th at once");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 20);
        var title = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("title").GetString();
        Assert.Equal($"提交过于频繁，请 {retryAfter} 秒后再试。", title);

        // Another student is not held up; reading one's own jobs is not limited.
        using var other = factory.CreateGatewayClient("student-b");
        using var otherAccepted = await SubmitAsync(other);
        Assert.Equal(HttpStatusCode.Accepted, otherAccepted.StatusCode);
        using var list = await student.GetAsync("/api/jobs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task UnfinishedCap_OwnerWithCapJobsQueued_Gets429_OthersDoNot_FreedWhenOneFinishes()
    {
        // No worker: jobs stay queued, as behind a long queue.
        using var factory = Production(("Limits:MaxUnfinishedPerOwner", "2"), ("Limits:UnfinishedRetryAfterSeconds", "7"), ("Worker:Embedded", "false"));
        using var student = factory.CreateGatewayClient("student-cap", ("Accept-Language", "en"));
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await SubmitAsync(student);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            ids.Add(JsonDocument.Parse(await accepted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!);
        }

        using var refused = await SubmitAsync(student);
        await ProblemAssert.IsAsync(refused, HttpStatusCode.TooManyRequests, "too_many_unfinished", "a third while two are queued");
        Assert.Equal("7", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("2 jobs queued or running", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Bad data is still told as bad data first (nothing is stored for it).
        using var bad = await student.PostAsync("/api/jobs", SampleRequests.Json("""{"experiment": "nope"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var other = factory.CreateGatewayClient("student-free");
        using var otherAccepted = await SubmitAsync(other);
        Assert.Equal(HttpStatusCode.Accepted, otherAccepted.StatusCode);

        // One job ends (its pending marker goes, as when a worker finishes it): the student may submit again.
        var pending = Directory.GetFiles(Path.Combine(factory.DataRoot, "pending"), ids[0] + ".json", SearchOption.AllDirectories);
        File.Delete(Assert.Single(pending));
        using var again = await SubmitAsync(student);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Production_EmptyOpenId_Is401(string openId)
    {
        using var factory = Production();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-WX-SOURCE", "wx_client");
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-WX-OPENID", openId);
        using var response = await SubmitAsync(client);
        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthenticated", $"openid '{openId}'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-short-key")]
    public void Production_EmbeddedStoreWithoutASigningKey_FailsToStart_Clearly(string key)
    {
        using var factory = Production(("Storage:Local:SigningKey", key));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Storage:Local:SigningKey must be set outside Development", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_WorkerEmbeddedWithRabbitMq_FailsToStart()
    {
        using var factory = Production(("Queue:RabbitMq:Uri", "amqp://guest:guest@127.0.0.1:1/"), ("Worker:Embedded", "true"));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Worker:Embedded=true with RabbitMQ is for Development only", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException many ? string.Join("\n", many.InnerExceptions.Select(Flatten)) : error.Message + (error.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
