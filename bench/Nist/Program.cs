using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LabCharts.Analysis;

namespace LabCharts.Bench.Nist;

/// <summary>
/// Prints, for every one-predictor NIST StRD problem, how many significant digits LabCharts'
/// fitters reach: nonlinear problems from both certified starts (as expressions through the
/// parser, Levenberg–Marquardt), timed as the median of NIST_ROUNDS (default 30) rounds after a
/// warm-up pass; linear problems with the polynomial fitter. Usage:
/// <c>dotnet run -c Release -- [nist folder]</c> (default: LABCHARTS_NIST_DIR or ../shared/data/nist).
/// </summary>
internal static class Program
{
    private static readonly string[] Nonlinear =
    [
        "Misra1a", "Chwirut2", "Chwirut1", "Lanczos3", "Gauss1", "Gauss2", "DanWood", "Misra1b",
        "Kirby2", "Hahn1", "MGH17", "Lanczos1", "Lanczos2", "Gauss3", "Misra1c", "Misra1d",
        "Roszman1", "ENSO", "MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4", "Rat43", "Bennett5",
    ];

    private static readonly string[] Linear = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"];

    public static int Main(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("LABCHARTS_NIST_DIR") ?? Path.Combine("..", "shared", "data", "nist");
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"NIST folder not found: {folder}");
            return 2;
        }

        var rounds = int.TryParse(Environment.GetEnvironmentVariable("NIST_ROUNDS"), out var r) && r > 0 ? r : 30;
        var problems = Nonlinear.Select(name => NonlinearProblem.Load(folder, name)).ToArray();

        // The first pass is the warm-up (its times are printed as "first ms": the JIT compiler
        // works during it, most of all on the first problem); then the rounds, of which the median.
        var first = problems.Select(p => new[] { Time(p, 1).Milliseconds, Time(p, 2).Milliseconds }).ToArray();
        var times = problems.Select(_ => new[] { new double[rounds], new double[rounds] }).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < problems.Length; k++)
            {
                for (var start = 1; start <= 2; start++)
                {
                    times[k][start - 1][round] = Time(problems[k], start).Milliseconds;
                }
            }
        }

        Console.WriteLine($"LabCharts (Levenberg–Marquardt, symbolic Jacobian) — nonlinear, min digits over parameters; ms = median of {rounds} rounds of ExpressionModel.Parse + NonlinearFitter.Fit");
        Console.WriteLine($"{"problem",-10} {"start",5} {"ok",3} {"digits",6} {"iter",5} {"ms",8} {"first ms",8}");
        var failures = new int[3];
        for (var k = 0; k < problems.Length; k++)
        {
            var problem = problems[k];
            for (var start = 1; start <= 2; start++)
            {
                var result = LevenbergMarquardt.Minimize(ExpressionModel.Parse(problem.Expression, problem.Names), problem.X, problem.Y, null, problem.Start(start));
                var digits = problem.Certified.Select((c, j) => Digits(result.Parameters[j], c)).Min();
                var ok = digits >= 4;
                if (!ok)
                {
                    failures[start]++;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{problem.Name,-10} {start,5} {(ok ? "yes" : "NO"),3} {digits,6:F1} {result.Iterations,5} {Median(times[k][start - 1]),8:F3} {first[k][start - 1],8:F3}"));
            }
        }

        Console.WriteLine($"failures (< 4 digits): start 1 = {failures[1]}, start 2 = {failures[2]}");
        Console.WriteLine();
        Console.WriteLine("LabCharts (Householder QR in double-double) — linear, min digits over parameters / standard errors");
        Console.WriteLine($"{"problem",-10} {"params",7} {"SEs",6} {"ms",8}");
        foreach (var name in Linear)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".json")));
            var root = document.RootElement;
            var x = Doubles(root.GetProperty("x"));
            var y = Doubles(root.GetProperty("y"));
            var certified = Doubles(root.GetProperty("certified_values"));
            var sd = Doubles(root.GetProperty("certified_std_dev"));
            var watch = Stopwatch.StartNew();
            var fit = PolynomialFitter.Fit(x, y, null, root.GetProperty("degree").GetInt32(), root.GetProperty("intercept").GetBoolean(), InputFieldFor());
            watch.Stop();
            var valueDigits = certified.Select((c, j) => Digits(fit.Values[j], c)).Min();
            var seDigits = sd.Select((c, j) => c == 0 ? Digits(fit.StandardError(j) / Math.Max(1, Math.Abs(certified[j])), 0) : Digits(fit.StandardError(j), c)).Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} {valueDigits,7:F1} {seDigits,6:F1} {watch.Elapsed.TotalMilliseconds,8:F2}"));
        }

        return 0;
    }

    private static InputField InputFieldFor() => InputField.Column("x");

    /// <summary>
    /// What a student's custom-model job does with the problem: parse the expression (symbolic
    /// derivatives, compiled tapes) and fit it with covariance, χ² and R². A fit that does not
    /// converge ends in the fitter's exception, as it would in the service.
    /// </summary>
    private static (double Milliseconds, bool Converged) Time(NonlinearProblem problem, int start)
    {
        var initial = problem.Start(start);
        var watch = Stopwatch.StartNew();
        bool converged;
        try
        {
            _ = NonlinearFitter.Fit(ExpressionModel.Parse(problem.Expression, problem.Names), problem.X, problem.Y, null, initial, InputFieldFor());
            converged = true;
        }
        catch (AnalysisException)
        {
            converged = false;
        }

        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, converged);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double[] Doubles(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetDouble())];

    // Log relative error, capped at 15 (the certified values have 15 digits at most).
    private static double Digits(double estimate, double certified)
    {
        var error = certified == 0 ? Math.Abs(estimate) : Math.Abs(estimate - certified) / Math.Abs(certified);
        return error == 0 ? 15 : Math.Min(15, -Math.Log10(error));
    }
}

/// <summary>One NIST nonlinear problem as the bench needs it.</summary>
internal sealed record NonlinearProblem(string Name, string Expression, string[] Names, double[] X, double[] Y, double[] Certified, double[] Start1, double[] Start2)
{
    public static NonlinearProblem Load(string folder, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".json")));
        var root = document.RootElement;
        double[] Doubles(string property) => [.. root.GetProperty(property).EnumerateArray().Select(e => e.GetDouble())];
        return new NonlinearProblem(
            name,
            root.GetProperty("model").GetString()!.Split('=', 2)[1].Trim(),
            [.. root.GetProperty("parameter_names").EnumerateArray().Select(e => e.GetString()!)],
            Doubles("x"),
            Doubles("y"),
            Doubles("certified_values"),
            Doubles("start1"),
            Doubles("start2"));
    }

    public double[] Start(int start) => start == 1 ? Start1 : Start2;
}
