using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Scheduling;
using LabCharts.Jobs.Submission;
using Microsoft.Extensions.DependencyInjection;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>Issue 9's scheduled maintenance: the stale-job sweeper (bounded attempts) and retention.</summary>
public sealed class MaintenanceTests
{
    private static JobRecord Queued(DateTimeOffset now, int attempts = 0) => new()
    {
        Id = JobId.New(now), Owner = new LabCharts.Jobs.Identity.Caller("dev-appid", "dev-openid").Owner,
        Experiment = "pendulum", Status = attempts > 0 ? JobStatus.Running : JobStatus.Queued,
        CreatedAt = now, UpdatedAt = now, Attempts = attempts,
    };

    [Fact]
    public async Task Sweep_JobWhoseMessageWasLost_EndsSucceeded()
    {
        using var factory = new LabChartsFactory();
        using var client = factory.CreateClient();
        var records = factory.Services.GetRequiredService<JobRecordStore>();
        // Stored exactly as a submission stores it, then the process "died" before publishing.
        var record = Queued(DateTimeOffset.UtcNow);
        await records.CreateAsync(record, JsonSerializer.Deserialize(SampleRequests.Pendulum, LabChartsJson.Default.JobRequest)!,
            TestContext.Current.CancellationToken);

        var republished = await factory.Services.GetRequiredService<JobSweeper>().SweepAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.True(republished >= 1);
        var job = await JobPolling.UntilFinalAsync(client, $"/api/jobs/{record.Id}");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Sweep_JobStartedMaxAttemptsTimes_EndsFailedWithProcessingFailed()
    {
        using var factory = new LabChartsFactory();
        using var client = factory.CreateClient();
        var records = factory.Services.GetRequiredService<JobRecordStore>();
        var record = Queued(DateTimeOffset.UtcNow, attempts: 5);
        await records.CreateAsync(record, JsonSerializer.Deserialize(SampleRequests.Pendulum, LabChartsJson.Default.JobRequest)!,
            TestContext.Current.CancellationToken);

        await factory.Services.GetRequiredService<JobSweeper>().SweepAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var job = await JobPolling.UntilFinalAsync(client, $"/api/jobs/{record.Id}");
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("processing_failed", job.GetProperty("error").GetProperty("code").GetString());
        Assert.False(File.Exists(Path.Combine(factory.DataRoot, JobRecordStore.PendingKeyOf(record.Owner, record.Id).Value)));
    }

    [Fact]
    public async Task Retention_JobsOlderThanTheLimit_DeletedWhole_NewerKept()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new LabChartsFactory(time: time, settings: new Dictionary<string, string> { ["Retention:Days"] = "30" });
        using var client = factory.CreateClient();
        var old = await SubmitAsync(client);
        time.Advance(TimeSpan.FromDays(20));
        var recent = await SubmitAsync(client);
        time.Advance(TimeSpan.FromDays(15));

        var deleted = await ActivatorUtilities.CreateInstance<RetentionJob>(factory.Services).DeleteOldAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, deleted);
        var jobs = Path.Combine(factory.DataRoot, "jobs");
        Assert.DoesNotContain(Directory.GetFiles(jobs, "*", SearchOption.AllDirectories), path => path.Contains(old, StringComparison.Ordinal));
        Assert.Equal(["chart.png", "record.json", "request.json"], Directory.GetFiles(jobs, "*", SearchOption.AllDirectories)
            .Where(path => path.Contains(recent, StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static async Task<string> SubmitAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/jobs?wait=10", SampleRequests.Json(SampleRequests.CustomProportional),
            TestContext.Current.CancellationToken);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
        return job.RootElement.GetProperty("id").GetString()!;
    }
}
