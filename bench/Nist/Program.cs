using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LabCharts.Analysis;

namespace LabCharts.Bench.Nist;

/// <summary>
/// Prints, for every one-predictor NIST StRD problem, how many significant digits LabCharts'
/// fitters reach: nonlinear problems from both certified starts (as expressions through the
/// parser, Levenberg–Marquardt), linear problems with the polynomial fitter. Usage:
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

        // Warm-up: the first fits would otherwise time the JIT compiler, not the solver.
        foreach (var name in Nonlinear.Take(3))
        {
            using var warm = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".json")));
            var r = warm.RootElement;
            var names = r.GetProperty("parameter_names").EnumerateArray().Select(e => e.GetString()!).ToArray();
            _ = LevenbergMarquardt.Minimize(ExpressionModel.Parse(r.GetProperty("model").GetString()!.Split('=', 2)[1], names), Doubles(r.GetProperty("x")), Doubles(r.GetProperty("y")), null, Doubles(r.GetProperty("start1")));
        }

        Console.WriteLine("LabCharts (Levenberg–Marquardt, symbolic Jacobian) — nonlinear, min digits over parameters");
        Console.WriteLine($"{"problem",-10} {"start",5} {"ok",3} {"digits",6} {"iter",5} {"ms",8}");
        var failures = new int[3];
        foreach (var name in Nonlinear)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".json")));
            var root = document.RootElement;
            var x = Doubles(root.GetProperty("x"));
            var y = Doubles(root.GetProperty("y"));
            var certified = Doubles(root.GetProperty("certified_values"));
            var names = root.GetProperty("parameter_names").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var expression = root.GetProperty("model").GetString()!.Split('=', 2)[1].Trim();
            for (var start = 1; start <= 2; start++)
            {
                var initial = Doubles(root.GetProperty($"start{start}"));
                var watch = Stopwatch.StartNew();
                var model = ExpressionModel.Parse(expression, names);
                var result = LevenbergMarquardt.Minimize(model, x, y, null, initial);
                watch.Stop();
                var digits = certified.Select((c, j) => Digits(result.Parameters[j], c)).Min();
                var ok = digits >= 4;
                if (!ok)
                {
                    failures[start]++;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-10} {start,5} {(ok ? "yes" : "NO"),3} {digits,6:F1} {result.Iterations,5} {watch.Elapsed.TotalMilliseconds,8:F2}"));
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

    private static double[] Doubles(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetDouble())];

    // Log relative error, capped at 15 (the certified values have 15 digits at most).
    private static double Digits(double estimate, double certified)
    {
        var error = certified == 0 ? Math.Abs(estimate) : Math.Abs(estimate - certified) / Math.Abs(certified);
        return error == 0 ? 15 : Math.Min(15, -Math.Log10(error));
    }
}
