using System.Text.Json;
using System.Text.RegularExpressions;
using LabCharts.Analysis;
using LabCharts.Jobs.Problems;

namespace LabCharts.Jobs.Requests;

/// <summary>
/// Parses a job request's JSON — the API's body, the <c>render</c> command's file — and turns every
/// JSON mistake into the problem the client gets: <c>unknown_field</c> with its path for a property
/// the contract does not have, <c>malformed_json</c> naming the field otherwise. The serializer's
/// own wording names .NET types and never reaches the client.
/// </summary>
public static partial class JobRequestJson
{
    /// <summary>Parses; throws <see cref="ProblemException"/>.</summary>
    public static JobRequest Parse(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            throw new ProblemException(ProblemCatalog.MalformedJson("empty body"));
        }
        try
        {
            return JsonSerializer.Deserialize(json, LabChartsJson.Default.JobRequest)
                ?? throw new ProblemException(ProblemCatalog.MalformedJson("null"));
        }
        catch (JsonException error)
        {
            throw new ProblemException(ToProblem(error), error);
        }
    }

    /// <summary>The problem a JSON error is for the client.</summary>
    public static Problem ToProblem(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = FieldOf(error.Path);
        var message = Shorten(error.Message);
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            // The serializer's path already ends with the unknown property.
            var name = unmapped.Groups[1].Value;
            var path = field.Length == 0 ? name : field;
            return path == name && IsColumnOfSomeExperiment(name)
                ? ProblemCatalog.UnknownField(path, "自定义实验的数据列放在 data 下，例如 {\"data\": {\"x\": {\"values\": [...]}}}。",
                    "Data columns go under 'data', e.g. {\"data\": {\"x\": {\"values\": [...]}}}.")
                : ProblemCatalog.UnknownField(path);
        }
        if (error is ReadingFormatException cell && field.StartsWith("data.", StringComparison.Ordinal) && field.EndsWith(".values", StringComparison.Ordinal))
        {
            // A word or a null where a reading belongs: name the cell, not only the JSON position.
            return ProblemCatalog.NotANumber(field["data.".Length..^".values".Length], cell.Point, cell.Reading, cell.Text);
        }
        if (message.Contains(".NET", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal)
            || message.Contains("LabCharts.", StringComparison.Ordinal))
        {
            return ProblemCatalog.WrongType(field.Length > 0 ? field : "$");
        }
        var where = field.Length > 0 ? $" ({field}, line {error.LineNumber + 1})" : "";
        return ProblemCatalog.MalformedJson(message + where);
    }

    // "$.data.L.values[2]" → "data.L.values[2]"; "$" → "".
    private static string FieldOf(string? path) =>
        path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static bool IsColumnOfSomeExperiment(string name) =>
        ExperimentCatalog.All.Any(experiment => experiment.Definition.Columns.Any(column => column.Key == name));

    // System.Text.Json appends its own "Path: … | LineNumber: …" tail; we report the position ourselves.
    private static string Shorten(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();
}
