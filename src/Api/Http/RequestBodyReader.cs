using System.Text.Json;
using System.Text.RegularExpressions;
using LabCharts.Analysis;
using LabCharts.Jobs;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Views;

namespace LabCharts.Api.Http;

/// <summary>
/// Reads a job request body with a hard size limit and turns every JSON mistake into a
/// <c>malformed_json</c> problem that says where it is, instead of the framework's generic 400.
/// </summary>
public static partial class RequestBodyReader
{
    /// <summary>Reads and parses; throws <see cref="ProblemException"/>.</summary>
    public static async Task<JobRequest> ReadJobRequestAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            throw new ProblemException(ProblemCatalog.BodyTooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ProblemException(ProblemCatalog.BodyTooLarge(limit));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            throw new ProblemException(ProblemCatalog.MalformedJson("empty body"));
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), LabChartsJson.Default.JobRequest)
                ?? throw new ProblemException(ProblemCatalog.MalformedJson("null"));
        }
        catch (JsonException error)
        {
            throw new ProblemException(ToProblem(error), error);
        }
    }

    /// <summary>
    /// The problem a JSON error is for the client: an unknown property is <c>unknown_field</c> with its
    /// path; a wrong type says which field; the serializer's own wording, which names .NET types, never
    /// reaches the client (only our converters' messages and the reader's syntax messages do).
    /// </summary>
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
        if (message.Contains(".NET", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal)
            || message.Contains("LabCharts.", StringComparison.Ordinal))
        {
            message = "值的类型不对 (a value has the wrong type)";
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
