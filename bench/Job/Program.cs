using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LabCharts.Analysis;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Validation;
using LabCharts.Processing;
using LabCharts.Rendering;
using LabCharts.Worker.Commands;

// bench/Job (issue 12, "whole job"): the student's typical job — a pendulum request file with 30 lengths and
// three periods each, 1200×900 PNG with the residual panel — through the worker's `render` command path
// (parse, validate, analyse, chart, PNG, write the files). numpy_job.py is the peer. See run.sh.
//
//   requests <dir> [--n 60]       write the request files
//   first <dir> <out>             one process, one job: prints the wall-clock time (Unix ms) the first job was written
//   steady <dir> <out> [--rounds 5]  a warm-up pass, then every file once per round: ms and CPU ms per job
//   split <dir> [--rounds 5]      the same jobs in memory, timed per stage: parse+validate, analysis, chart+PNG
var mode = args.Length > 0 ? args[0] : "";
return mode switch
{
    "requests" => Requests.Write(args[1], Option("--n", 60)),
    "first" => await Runs.FirstAsync(args[1], args[2]),
    "steady" => await Runs.SteadyAsync(args[1], args[2], Option("--rounds", 5)),
    "split" => Runs.Split(args[1], Option("--rounds", 5)),
    _ => Usage(),
};

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static int Usage()
{
    Console.Error.WriteLine("usage: LabCharts.Bench.Job requests <dir> [--n 60] | first <dir> <out> | steady <dir> <out> [--rounds 5]");
    return 2;
}

internal static class Requests
{
    /// <summary>
    /// Deterministic "measurements": T = 2π√(L/g), g = 9.794 m/s², three readings per length with fixed
    /// pseudo-noise that differs per request; lengths 0.30…1.17 m with a 1 mm instrument error.
    /// </summary>
    public static int Write(string dir, int n)
    {
        Directory.CreateDirectory(dir);
        for (var r = 0; r < n; r++)
        {
            var lengths = new List<string>();
            var periods = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                var length = 0.30 + (0.03 * i);
                var period = 2 * Math.PI * Math.Sqrt(length / 9.794);
                var readings = Enumerable.Range(0, 3).Select(k =>
                    (period + (0.004 * Math.Sin((i * 2.39) + (k * 1.7) + r)) + (0.002 * Math.Cos((i * 5.1) + k + (0.3 * r)))).ToString("F3", CultureInfo.InvariantCulture));
                lengths.Add(length.ToString("F3", CultureInfo.InvariantCulture));
                periods.Add("[" + string.Join(", ", readings) + "]");
            }

            var json = $$"""
                {
                  "experiment": "pendulum",
                  "title": "单摆周期平方与摆长的关系（测重力加速度 g）第 {{r + 1}} 组",
                  "data": {
                    "L": { "values": [{{string.Join(", ", lengths)}}], "unit": "m", "instrumentError": 0.001 },
                    "T": { "values": [{{string.Join(", ", periods)}}], "unit": "s" }
                  },
                  "constants": { "g_ref": { "value": 9.794, "unit": "m/s^2" } },
                  "render": { "formats": ["png"], "width": 1200, "height": 900 }
                }
                """;
            File.WriteAllText(Path.Combine(dir, $"job-{r:D2}.json"), json, new UTF8Encoding(false));
        }
        return 0;
    }
}

internal static class Runs
{
    private static string[] Files(string dir) => [.. Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal)];

    private static async Task RunAsync(JobPipeline pipeline, string file, string outDir)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var jobDir = Path.Combine(outDir, name);
        Directory.CreateDirectory(jobDir);
        var view = await RenderCommand.RunOneAsync(pipeline, file, name, jobDir, CancellationToken.None);
        if (view.Status != JobStatus.Succeeded)
        {
            throw new InvalidOperationException($"{name}: {view.Error?.Code} {view.Error?.Message}");
        }
        await File.WriteAllTextAsync(Path.Combine(jobDir, "summary.txt"), string.Join("; ", view.Result!.Quantities.Select(q => q.Formatted)));
    }

    /// <summary>Everything a fresh process does before its first job is written, fonts and JIT included.</summary>
    public static async Task<int> FirstAsync(string dir, string outDir)
    {
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        await RunAsync(new JobPipeline(renderer), Files(dir)[0], outDir);
        Console.WriteLine(JsonSerializer.Serialize(new { engine = "LabCharts", doneUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }));
        return 0;
    }

    public static async Task<int> SteadyAsync(string dir, string outDir, int rounds)
    {
        var files = Files(dir);
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var pipeline = new JobPipeline(renderer);
        foreach (var file in files)
        {
            await RunAsync(pipeline, file, outDir);
        }

        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var file in files)
            {
                await RunAsync(pipeline, file, outDir);
            }
            var wall = clock.Elapsed.TotalMilliseconds / files.Length;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / files.Length;
            var png = new FileInfo(Path.Combine(outDir, Path.GetFileNameWithoutExtension(files[0]), "chart.png")).Length;
            Console.WriteLine(JsonSerializer.Serialize(new { engine = "LabCharts", msPerJob = wall, cpuMsPerJob = cpuMs, jobs = files.Length, pngBytes = png }));
        }
        return 0;
    }

    /// <summary>Where a job's time goes, stage by stage, with no files written (steady state, after a warm-up pass).</summary>
    public static int Split(string dir, int rounds)
    {
        var bodies = Files(dir).Select(File.ReadAllBytes).ToArray();
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        double parse = 0, analysis = 0, render = 0;
        var jobs = 0;
        for (var round = -1; round < rounds; round++)
        {
            foreach (var body in bodies)
            {
                var t0 = Stopwatch.GetTimestamp();
                var job = JobRequestValidator.Validate(JobRequestJson.Parse(body));
                var t1 = Stopwatch.GetTimestamp();
                var result = ExperimentCatalog.Analyze(job.Analysis);
                _ = JobResult.From(result);
                var t2 = Stopwatch.GetTimestamp();
                foreach (var (_, chart) in AnalysisChartMapper.ComposeAll(result.Chart))
                {
                    _ = renderer.Render(chart, new RenderOptions { Width = job.Render.Width, Height = job.Render.Height });
                }
                var t3 = Stopwatch.GetTimestamp();
                if (round >= 0)
                {
                    parse += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                    analysis += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                    render += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
                    jobs++;
                }
            }
        }
        Console.WriteLine(JsonSerializer.Serialize(new { parseMs = parse / jobs, analysisMs = analysis / jobs, renderMs = render / jobs, jobs }));
        return 0;
    }
}
