using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs.Batches;
using LabCharts.Jobs.Records;
using Microsoft.Extensions.DependencyInjection;

namespace LabCharts.Api.Tests;

/// <summary>
/// Issue 9 in the embedded system: admin access, a re-render of one experiment's jobs across owners
/// (exactly those jobs get a new render version and new charts), cancel, and bad filters.
/// </summary>
public sealed class AdminRerenderTests
{
    private const string Token = "test-admin-token";

    private static LabChartsFactory Factory(string environment = "Development", params (string Key, string Value)[] settings) =>
        new(environment, settings: settings.ToDictionary(s => s.Key, s => s.Value));

    private static HttpClient Admin(LabChartsFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    private static async Task<string> SubmitAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(body), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
        return job.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> JobAsync(HttpClient client, string id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/jobs/{id}", TestContext.Current.CancellationToken)).RootElement;

    private static async Task<JsonElement> UntilBatchFinishedAsync(HttpClient admin, string batchId)
    {
        for (var i = 0; i < 200; i++)
        {
            var batch = JsonDocument.Parse(await admin.GetStringAsync($"/api/admin/batches/{batchId}", TestContext.Current.CancellationToken)).RootElement;
            if (batch.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return batch;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"batch {batchId} did not finish");
    }

    [Fact]
    public async Task Rerender_OneExperimentAcrossOwners_ExactlyThoseJobsGetANewVersionAndNewCharts()
    {
        using var factory = Factory("Development", ("Admin:Token", Token));
        using var alice = factory.CreateGatewayClient("alice");
        using var bob = factory.CreateGatewayClient("bob");
        using var admin = Admin(factory);
        var pendulums = new[] { await SubmitAsync(alice, SampleRequests.Pendulum), await SubmitAsync(bob, SampleRequests.Pendulum) };
        var others = new[] { await SubmitAsync(alice, SampleRequests.CustomProportional), await SubmitAsync(bob, SampleRequests.CustomProportional) };
        var clients = new Dictionary<string, HttpClient> { [pendulums[0]] = alice, [pendulums[1]] = bob, [others[0]] = alice, [others[1]] = bob };
        var chartTimes = Directory.EnumerateFiles(Path.Combine(factory.DataRoot, "jobs"), "chart.png", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetFileName(Path.GetDirectoryName(path))!, File.GetLastWriteTimeUtc);
        var recordsBefore = others.ToDictionary(id => id, id => File.ReadAllText(Directory.GetFiles(
            Path.Combine(factory.DataRoot, "jobs"), "record.json", SearchOption.AllDirectories).Single(path => path.Contains(id, StringComparison.Ordinal))));

        using var dry = await admin.PostAsync("/api/admin/rerender", SampleRequests.Json("""{"experiments": ["pendulum"], "dryRun": true}"""),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        using var dryBody = JsonDocument.Parse(await dry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, dryBody.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(pendulums.Order(StringComparer.Ordinal), dryBody.RootElement.GetProperty("firstJobIds").EnumerateArray().Select(e => e.GetString()!));
        Assert.All(pendulums, id => Assert.Equal(1, JobAsync(clients[id], id).Result.GetProperty("renderVersion").GetInt32()));

        using var started = await admin.PostAsync("/api/admin/rerender", SampleRequests.Json("""{"experiments": ["pendulum"]}"""),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var accepted = JsonDocument.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, accepted.RootElement.GetProperty("total").GetInt32());
        var batch = await UntilBatchFinishedAsync(admin, accepted.RootElement.GetProperty("batchId").GetString()!);

        Assert.Equal("succeeded", batch.GetProperty("state").GetString());
        Assert.Equal(2, batch.GetProperty("published").GetInt32());
        Assert.Equal(2, batch.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, batch.GetProperty("failed").GetInt32());
        Assert.Equal(0, batch.GetProperty("skipped").GetInt32());
        foreach (var id in pendulums)
        {
            var job = await JobAsync(clients[id], id);
            Assert.Equal(2, job.GetProperty("renderVersion").GetInt32());
            Assert.Equal("succeeded", job.GetProperty("status").GetString());
            var chart = Directory.GetFiles(Path.Combine(factory.DataRoot, "jobs"), "chart.png", SearchOption.AllDirectories)
                .Single(path => path.Contains(id, StringComparison.Ordinal));
            Assert.True(File.GetLastWriteTimeUtc(chart) > chartTimes[id], $"{id}: the chart was not written again");
        }
        foreach (var id in others)
        {
            Assert.Equal(1, (await JobAsync(clients[id], id)).GetProperty("renderVersion").GetInt32());
            var record = File.ReadAllText(Directory.GetFiles(Path.Combine(factory.DataRoot, "jobs"), "record.json", SearchOption.AllDirectories)
                .Single(path => path.Contains(id, StringComparison.Ordinal)));
            Assert.Equal(recordsBefore[id], record);
        }
        // The students' requests are never written by a re-render.
        Assert.All(Directory.GetFiles(Path.Combine(factory.DataRoot, "jobs"), "request.json", SearchOption.AllDirectories),
            path => Assert.True(File.GetLastWriteTimeUtc(path) <= chartTimes.Values.Max()));
    }

    [Fact]
    public async Task Cancel_SlowBatch_StopsPublishing_SecondCancelIs409()
    {
        using var factory = Factory("Development", ("Admin:Token", Token), ("Batches:PublishRate", "2"));
        using var student = factory.CreateClient();
        using var admin = Admin(factory);
        for (var i = 0; i < 6; i++)
        {
            await SubmitAsync(student, SampleRequests.CustomProportional);
        }

        using var started = await admin.PostAsync("/api/admin/rerender", SampleRequests.Json("{}"), TestContext.Current.CancellationToken);
        using var accepted = JsonDocument.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var batchId = accepted.RootElement.GetProperty("batchId").GetString()!;
        Assert.Equal(6, accepted.RootElement.GetProperty("total").GetInt32());
        using var cancel = await admin.PostAsync($"/api/admin/batches/{batchId}/cancel", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        await Task.Delay(2500, TestContext.Current.CancellationToken);
        var batch = await UntilBatchFinishedAsync(admin, batchId);

        Assert.Equal("cancelled", batch.GetProperty("state").GetString());
        Assert.True(batch.GetProperty("published").GetInt32() < 6, $"publishing went on after the cancel: {batch}");
        using var again = await admin.PostAsync($"/api/admin/batches/{batchId}/cancel", null, TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(again, HttpStatusCode.Conflict, "batch_not_cancellable", "second cancel");
        using var unknown = await admin.PostAsync("/api/admin/batches/01a2350000000000000000000000/cancel", null, TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(unknown, HttpStatusCode.NotFound, "batch_not_found", "unknown batch");
        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/batches", TestContext.Current.CancellationToken));
        Assert.Equal(batchId, list.RootElement.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Rerender_ScanLongerThanTheWait_Answers202AtOnceWithoutTotal_AndTheBatchScansOn()
    {
        using var factory = Factory("Development", ("Admin:Token", Token), ("Api:RerenderScanWaitSeconds", "0"));
        using var student = factory.CreateClient();
        using var admin = Admin(factory);
        var ids = new[] { await SubmitAsync(student, SampleRequests.CustomProportional), await SubmitAsync(student, SampleRequests.CustomProportional) };

        using var started = await admin.PostAsync("/api/admin/rerender", SampleRequests.Json("{}"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var accepted = JsonDocument.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(accepted.RootElement.TryGetProperty("total", out _), accepted.RootElement.ToString());
        var batchId = accepted.RootElement.GetProperty("batchId").GetString()!;
        var early = JsonDocument.Parse(await admin.GetStringAsync($"/api/admin/batches/{batchId}", TestContext.Current.CancellationToken)).RootElement;
        Assert.Contains(early.GetProperty("state").GetString(), new[] { "scanning", "running", "succeeded" });

        var batch = await UntilBatchFinishedAsync(admin, batchId);
        Assert.Equal("succeeded", batch.GetProperty("state").GetString());
        Assert.Equal(2, batch.GetProperty("total").GetInt32());
        Assert.Equal(2, batch.GetProperty("succeeded").GetInt32());
        Assert.All(ids, id => Assert.Equal(2, JobAsync(student, id).Result.GetProperty("renderVersion").GetInt32()));
    }

    [Fact]
    public async Task ScheduledBatch_BegunByTwoReplicasAtOnce_IsOneBatch_EachJobReRenderedOnce()
    {
        using var factory = Factory("Development", ("Admin:Token", Token));
        using var student = factory.CreateClient();
        using var admin = Admin(factory);
        var ids = new[] { await SubmitAsync(student, SampleRequests.Pendulum), await SubmitAsync(student, SampleRequests.Pendulum) };
        // Two API replicas: two BatchService instances, each a lease holder of its own.
        var services = factory.Services;
        var replicas = new[]
        {
            services.GetRequiredService<BatchService>(),
            ActivatorUtilities.CreateInstance<BatchService>(services),
        };
        var filter = BatchService.ToFilter(new RerenderBody { Experiments = ["pendulum"] });
        var slot = DateTimeOffset.Parse("2026-12-02T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var id = JobId.Derived(slot, "nightly:pendulum");
        Assert.Equal(id, JobId.Derived(slot, "nightly:pendulum"));
        Assert.True(JobId.IsValid(id));
        Assert.NotEqual(id, JobId.Derived(slot, "nightly:custom"));
        Assert.Equal(slot, JobId.CreatedAt(id));

        var begun = await Task.WhenAll(replicas.Select(r => r.BeginAsync(filter, "schedule", TestContext.Current.CancellationToken, id)));
        Assert.All(begun, b => Assert.Equal(id, b.Id));
        await Task.WhenAll(replicas.Select(r => r.PublishAsync(id, TestContext.Current.CancellationToken)));

        var batch = await UntilBatchFinishedAsync(admin, id);
        Assert.Equal("succeeded", batch.GetProperty("state").GetString());
        Assert.Equal((2, 2, 2), (batch.GetProperty("total").GetInt32(), batch.GetProperty("published").GetInt32(), batch.GetProperty("succeeded").GetInt32()));
        Assert.All(ids, job => Assert.Equal(2, JobAsync(student, job).Result.GetProperty("renderVersion").GetInt32()));
        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/batches", TestContext.Current.CancellationToken));
        Assert.Equal(1, list.RootElement.GetProperty("total").GetInt32());
    }

    public static TheoryData<string, string, string> BadFilters() => new()
    {
        { """{"experiments": ["perpetuum"]}""", "unknown_experiment", "experiments[0]" },
        { """{"createdFrom": "2026-12-02T00:00:00Z", "createdTo": "2026-12-01T00:00:00Z"}""", "invalid_value", "createdTo" },
        { """{"createdFrom": "2026-13-45"}""", "malformed_json", "createdFrom" },
        { """{"status": "running"}""", "invalid_value", "status" },
        { """{"owner": "../jobs"}""", "invalid_value", "owner" },
        { """{"experiment": "pendulum"}""", "unknown_field", "experiment" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task Rerender_BadFilter_Answers400NamingTheField(string body, string code, string field)
    {
        using var factory = Factory("Development", ("Admin:Token", Token));
        using var admin = Admin(factory);
        using var response = await admin.PostAsync("/api/admin/rerender", SampleRequests.Json(body), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, code, field, body);
        Assert.False(Directory.Exists(Path.Combine(factory.DataRoot, "batches")), "a refused request stores no batch");
    }

    [Fact]
    public async Task Access_NoCredential401_WrongToken403_StudentOpenid403_AdminOpenid200()
    {
        using var factory = Factory("Production", ("Admin:Token", Token), ("Admin:OpenIds:0", "the-admin"));
        using var anonymous = factory.CreateClient();
        using var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        using var student = factory.CreateGatewayClient("a-student");
        using var adminByOpenid = factory.CreateGatewayClient("the-admin");
        using var adminByToken = Admin(factory);

        await ProblemAssert.IsAsync(await anonymous.GetAsync("/api/admin/batches", TestContext.Current.CancellationToken),
            HttpStatusCode.Unauthorized, "unauthenticated", "no credential");
        await ProblemAssert.IsAsync(await wrong.GetAsync("/api/admin/batches", TestContext.Current.CancellationToken),
            HttpStatusCode.Forbidden, "forbidden", "wrong token");
        await ProblemAssert.IsAsync(await student.PostAsync("/api/admin/rerender", SampleRequests.Json("{}"), TestContext.Current.CancellationToken),
            HttpStatusCode.Forbidden, "forbidden", "a student's openid");
        Assert.Equal(HttpStatusCode.OK, (await adminByOpenid.GetAsync("/api/admin/batches", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminByToken.GetAsync("/api/admin/batches", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Access_NothingConfiguredOutsideDevelopment_EndpointsAreOff404_DevelopmentHasTheDocumentedToken()
    {
        using (var production = Factory("Production"))
        {
            using var client = production.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "labcharts-dev-admin");
            await ProblemAssert.IsAsync(await client.GetAsync("/api/admin/batches", TestContext.Current.CancellationToken),
                HttpStatusCode.NotFound, "not_found", "admin off");
        }
        using var development = Factory();
        using var dev = development.CreateClient();
        dev.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "labcharts-dev-admin");
        Assert.Equal(HttpStatusCode.OK, (await dev.GetAsync("/api/admin/batches", TestContext.Current.CancellationToken)).StatusCode);
        using var devAnonymous = development.CreateClient();
        await ProblemAssert.IsAsync(await devAnonymous.GetAsync("/api/admin/batches", TestContext.Current.CancellationToken),
            HttpStatusCode.Unauthorized, "unauthenticated", "development still needs the token");
    }
}
