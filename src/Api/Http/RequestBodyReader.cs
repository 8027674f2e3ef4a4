using System.Text.Json;
using LabCharts.Jobs.Contracts;
using LabCharts.Jobs.Problems;

namespace LabCharts.Api.Http;

/// <summary>
/// Reads a job request body with a hard size limit and turns every JSON mistake into a
/// <c>malformed_json</c> problem that says where it is, instead of the framework's generic 400.
/// </summary>
public static class RequestBodyReader
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
            var where = error.Path is { Length: > 0 } path ? $" ({path}, line {error.LineNumber + 1})" : "";
            throw new ProblemException(ProblemCatalog.MalformedJson(Shorten(error.Message) + where), error);
        }
    }

    // System.Text.Json appends its own "Path: … | LineNumber: …" tail; we report the position ourselves.
    private static string Shorten(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
