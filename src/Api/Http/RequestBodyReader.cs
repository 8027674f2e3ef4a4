using System.Text.Json;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Requests;

namespace LabCharts.Api.Http;

/// <summary>
/// Reads a job request body with a hard size limit, then parses it as <see cref="JobRequestJson"/>
/// does (every JSON mistake a problem naming its field, instead of the framework's generic 400).
/// </summary>
public static class RequestBodyReader
{
    /// <summary>Reads and parses a job request; throws <see cref="ProblemException"/>.</summary>
    public static async Task<JobRequest> ReadJobRequestAsync(HttpRequest request, long limit, CancellationToken cancellationToken) =>
        JobRequestJson.Parse((await ReadAsync(request, limit, cancellationToken)).Span);

    /// <summary>The body, at most <paramref name="limit"/> bytes (more is <c>413 body_too_large</c>).</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
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
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
