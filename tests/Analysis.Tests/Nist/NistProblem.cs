using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabCharts.Analysis.Tests.Nist;

/// <summary>One NIST StRD regression problem as <c>shared/data/nist/&lt;Name&gt;.json</c> stores it.</summary>
public sealed record NistProblem
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("n_predictors")] public int Predictors { get; init; }
    [JsonPropertyName("parameter_names")] public required string[] ParameterNames { get; init; }
    [JsonPropertyName("x")] public JsonElement X { get; init; }
    [JsonPropertyName("y")] public required double[] Y { get; init; }
    [JsonPropertyName("certified_values")] public required double[] Certified { get; init; }
    [JsonPropertyName("certified_std_dev")] public required double[] CertifiedStdDev { get; init; }
    [JsonPropertyName("residual_sum_of_squares")] public double ResidualSumOfSquares { get; init; }
    [JsonPropertyName("degree")] public int? Degree { get; init; }
    [JsonPropertyName("intercept")] public bool? Intercept { get; init; }
    [JsonPropertyName("start1")] public double[]? Start1 { get; init; }
    [JsonPropertyName("start2")] public double[]? Start2 { get; init; }
    [JsonPropertyName("certified_text")] public JsonElement CertifiedText { get; init; }

    /// <summary>x as a vector (single-predictor problems only).</summary>
    public double[] XVector => X.Deserialize<double[]>()!;

    /// <summary>The model's right-hand side, ready for the expression parser.</summary>
    public string Expression => Model[(Model.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();

    /// <summary>
    /// True when <paramref name="estimate"/>, rounded to as many significant digits as NIST prints
    /// for certified value <paramref name="j"/> (11 for most problems), is that printed value: the
    /// digits measure cannot say more, since it compares with the printed value, not the exact one.
    /// </summary>
    public bool MatchesEveryPrintedDigit(int j, double estimate)
    {
        var text = CertifiedText.GetProperty("values")[j].GetString()!;
        var mantissa = text.Split('E', 'e')[0].TrimStart('-', '+').Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        var rounded = estimate.ToString("E" + (mantissa.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        return double.Parse(rounded, System.Globalization.CultureInfo.InvariantCulture) == double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static NistProblem Load(string folder, string name) =>
        JsonSerializer.Deserialize<NistProblem>(File.ReadAllText(Path.Combine(folder, name + ".json")))!;
}
