using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Tests.Jobs;

public sealed class PendingJobRecoveryTests
{
    [Fact]
    public async Task Start_WithQueuedJobInStorage_FinishesIt()
    {
        // A job accepted (202) by a process that died before its in-memory message was consumed.
        var root = Path.Combine(Path.GetTempPath(), "labcharts-tests", Guid.NewGuid().ToString("N"));
        var records = new JobRecordStore(new LocalFolderObjectStore(Options.Create(new LocalStorageOptions { Root = root })));
        var now = DateTimeOffset.UtcNow;
        var record = new JobRecord
        {
            Id = JobId.New(now), Owner = new LabCharts.Jobs.Identity.Caller("dev-appid", "dev-openid").Owner,
            Experiment = "pendulum", Status = JobStatus.Queued, CreatedAt = now, UpdatedAt = now,
        };
        await records.CreateAsync(record, JsonSerializer.Deserialize(SampleRequests.Pendulum, LabChartsJson.Default.JobRequest)!, TestContext.Current.CancellationToken);

        using var factory = new LabChartsFactory(dataRoot: root);
        using var client = factory.CreateClient();
        var job = await JobPolling.UntilFinalAsync(client, $"/api/jobs/{record.Id}");

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
    }
}
