using System.Text.Json;
using LabCharts.Analysis;
using LabCharts.Jobs;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Validation;
using LabCharts.Jobs.Views;
using LabCharts.Processing;
using LabCharts.Rendering;

namespace LabCharts.Worker.Commands;

/// <summary>
/// <c>render &lt;request.json|folder&gt;... --out &lt;dir&gt;</c>: runs the worker pipeline on request files
/// with no queue and no storage, writing <c>&lt;dir&gt;/&lt;name&gt;/result.json</c> (the API's job JSON)
/// and the chart files beside it. Exit code 0 when every job succeeded, 1 when any failed, 2 on usage errors.
/// </summary>
public static class RenderCommand
{
    private static readonly JsonSerializerOptions Indented = new(LabChartsJson.Default.Options) { WriteIndented = true };

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!TryParse(args, out var inputs, out var outDir))
        {
            await errors.WriteLineAsync("usage: LabCharts.Worker render <request.json | folder>... --out <dir>");
            return 2;
        }

        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*.json").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                await errors.WriteLineAsync($"not found: {input}");
                return 2;
            }
        }

        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var pipeline = new JobPipeline(renderer);
        var failed = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var jobDir = Path.Combine(outDir, name);
            Directory.CreateDirectory(jobDir);
            var view = await RunOneAsync(pipeline, file, name, jobDir, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(jobDir, "result.json"),
                JsonSerializer.SerializeToUtf8Bytes(view, Indented.GetTypeInfo(typeof(JobView))), cancellationToken);
            var summary = view.Status == JobStatus.Succeeded
                ? string.Join("; ", view.Result!.Quantities.Select(q => q.Formatted))
                : $"{view.Error!.Code}: {view.Error.Message}";
            await output.WriteLineAsync($"{name}: {view.Status.ToString().ToLowerInvariant()} — {summary}");
            failed += view.Status == JobStatus.Succeeded ? 0 : 1;
        }
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// One request file, as the command runs it: parse, validate, analyse, render, write the artifacts into
    /// <paramref name="jobDir"/>; the job's JSON view is returned (not written). Used by <c>bench/Job</c>.
    /// </summary>
    public static async Task<JobView> RunOneAsync(JobPipeline pipeline, string file, string name, string jobDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var now = DateTimeOffset.UtcNow;
        var view = new JobView { Id = name, Status = JobStatus.Failed, Experiment = "", CreatedAt = now, UpdatedAt = now, FinishedAt = now, Attempts = 1 };
        try
        {
            var request = JobRequestJson.Parse(await File.ReadAllBytesAsync(file, cancellationToken));
            var job = JobRequestValidator.Validate(request);
            view = view with { Experiment = job.Input.Experiment, Title = job.Input.Title };
            var result = pipeline.Run(job);
            var artifacts = new List<ArtifactView>();
            foreach (var artifact in result.Artifacts)
            {
                await File.WriteAllBytesAsync(Path.Combine(jobDir, artifact.FileName), artifact.Content, cancellationToken);
                artifacts.Add(new ArtifactView(artifact.Name, artifact.Format, artifact.FileName, null, artifact.Width, artifact.Height, artifact.Content.Length));
            }
            return view with { Status = JobStatus.Succeeded, Result = result.Result, Artifacts = artifacts };
        }
        catch (Exception error) when (error is ProblemException or AnalysisException)
        {
            var problem = error is ProblemException known ? known.Problem : ProblemCatalog.FromAnalysis((AnalysisException)error);
            return view with { Error = new JobErrorView(problem.Code, problem.MessageZh, problem.Field) };
        }
    }

    private static bool TryParse(string[] args, out List<string> inputs, out string outDir)
    {
        inputs = [];
        outDir = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--out" or "-o")
            {
                if (i + 1 >= args.Length)
                {
                    return false;
                }
                outDir = args[++i];
            }
            else
            {
                inputs.Add(args[i]);
            }
        }
        return inputs.Count > 0 && outDir.Length > 0;
    }
}
