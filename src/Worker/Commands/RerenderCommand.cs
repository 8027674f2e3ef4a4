using System.Globalization;
using System.Text.Json;
using LabCharts.Jobs;
using LabCharts.Jobs.Batches;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.RabbitMq;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabCharts.Worker.Commands;

/// <summary>
/// <c>rerender [--experiment id]... [--owner key] [--from time] [--to time] [--status succeeded|failed]
/// [--dry-run]</c>: the admin batch re-render from an operator's shell, with the API's filters. It
/// finds the jobs, publishes them itself at <c>Batches:PublishRate</c> and shows progress until the
/// workers have processed every one: a live bar (count, rate, time left) on a terminal, a plain
/// line every few seconds otherwise. Ctrl-C cancels the batch. Needs the same RabbitMQ and storage
/// settings as the worker. Exit code 0 when the batch succeeded, 1 when it failed or was cancelled,
/// 2 on a usage error.
/// </summary>
public static class RerenderCommand
{
    private const string Usage =
        "usage: LabCharts.Worker rerender [--experiment <id>]... [--owner <key>] [--from <time>] [--to <time>] "
        + "[--status succeeded|failed] [--dry-run]";

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!TryParse(args, out var body, out var problem))
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        builder.AddRabbitMq();
        builder.AddS3Storage();
        builder.AddLabChartsJobs();
        builder.AddBatches();
        if (!builder.Configuration.UsesRabbitMq())
        {
            await errors.WriteLineAsync("rerender publishes to RabbitMQ for the workers: set Queue__RabbitMq__Uri and Storage__S3__* as for the worker.");
            return 2;
        }
        using var host = builder.Build();
        var batches = host.Services.GetRequiredService<BatchService>();
        try
        {
            var filter = BatchService.ToFilter(body);
            if (body.DryRun)
            {
                var matching = await batches.ScanAsync(filter, cancellationToken);
                await output.WriteLineAsync($"{matching.Count} jobs match");
                foreach (var job in matching.Take(20))
                {
                    await output.WriteLineAsync($"  {job.Owner}/{job.JobId}");
                }
                return 0;
            }

            // The batch is scanned and published under its lease (PublishAsync), like one an API started:
            // Ctrl-C during the scan cancels it, and no API process takes over a batch this command holds.
            var batch = await batches.BeginAsync(filter, $"cli:{Environment.UserName}", cancellationToken);
            await output.WriteLineAsync($"batch {batch.Id}: scanning for matching jobs");
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                interrupted.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var publishing = batches.PublishAsync(batch.Id, interrupted.Token);
                var view = await FollowAsync(batches, batch.Id, output, interrupted.Token);
                if (interrupted.IsCancellationRequested)
                {
                    await batches.CancelAsync(batch.Id, CancellationToken.None);
                    await output.WriteLineAsync($"\nbatch {batch.Id} cancelled");
                    return 1;
                }
                await publishing;
                await output.WriteLineAsync($"\nbatch {batch.Id} {Name(view!.State)}: {view.Succeeded} re-rendered, {view.Failed} failed, {view.Skipped} skipped");
                foreach (var failure in view.Failures)
                {
                    await output.WriteLineAsync($"  failed {failure.JobId}: {failure.Code}");
                }
                return view.State == BatchState.Succeeded ? 0 : 1;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }
        catch (ProblemException error)
        {
            await errors.WriteLineAsync($"{error.Problem.Code}: {error.Problem.MessageEn}");
            return 2;
        }
    }

    /// <summary>Shows progress until the batch is finished (or the command is interrupted).</summary>
    private static async Task<BatchView?> FollowAsync(BatchService batches, string batchId, TextWriter output, CancellationToken cancellationToken)
    {
        var terminal = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        var lastLine = DateTimeOffset.MinValue;
        var announced = false;
        BatchView? view = null;
        try
        {
            while (true)
            {
                view = await batches.ViewAsync(batchId, CancellationToken.None);
                if (view is null)
                {
                    return null;
                }
                var done = view.Succeeded + view.Failed + view.Skipped;
                if (view.State == BatchState.Scanning)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                    continue;
                }
                if (!announced)
                {
                    announced = true;
                    await output.WriteLineAsync($"{view.Total} jobs match");
                }
                var rate = view.ThroughputPerSecond is { } r ? $"{r:F1}/s" : "–";
                var left = view.EstimatedSecondsLeft is { } s ? TimeSpan.FromSeconds(Math.Round(s)).ToString("c", CultureInfo.InvariantCulture) : "–";
                if (terminal)
                {
                    const int Width = 30;
                    var filled = view.Total == 0 ? Width : (int)(Width * Math.Min(1, (double)done / view.Total));
                    await output.WriteAsync($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{view.Total}  published {view.Published}  {rate}  ETA {left}   ");
                }
                else if (DateTimeOffset.UtcNow - lastLine > TimeSpan.FromSeconds(5) || view.State is not (BatchState.Scanning or BatchState.Running))
                {
                    lastLine = DateTimeOffset.UtcNow;
                    await output.WriteLineAsync($"{done}/{view.Total} done, {view.Published} published, {rate}, ETA {left}");
                }
                if (view.State is not (BatchState.Scanning or BatchState.Running))
                {
                    return view;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return view;
        }
    }

    private static string Name(BatchState state) => JsonSerializer.Serialize(state, LabChartsJson.Default.BatchState).Trim('"');

    private static bool TryParse(string[] args, out RerenderBody body, out string problem)
    {
        var experiments = new List<string>();
        string? owner = null;
        DateTimeOffset? from = null;
        DateTimeOffset? to = null;
        JobStatus? status = null;
        var dryRun = false;
        body = new RerenderBody();
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--experiment":
                        experiments.Add(Next());
                        break;
                    case "--owner":
                        owner = Next();
                        break;
                    case "--from":
                        from = DateTimeOffset.Parse(Next(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                        break;
                    case "--to":
                        to = DateTimeOffset.Parse(Next(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                        break;
                    case "--status":
                        status = Next() switch
                        {
                            "succeeded" => JobStatus.Succeeded,
                            "failed" => JobStatus.Failed,
                            var other => throw new FormatException($"--status is succeeded or failed, not '{other}'"),
                        };
                        break;
                    case "--dry-run":
                        dryRun = true;
                        break;
                    default:
                        problem = $"unknown argument '{args[i]}'";
                        return false;
                }
            }
            catch (FormatException error)
            {
                problem = error.Message;
                return false;
            }
        }
        body = new RerenderBody { Experiments = experiments, Owner = owner, CreatedFrom = from, CreatedTo = to, Status = status, DryRun = dryRun };
        return true;
    }
}
