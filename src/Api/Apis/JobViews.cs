using LabCharts.Jobs.Hosting;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Views;

namespace LabCharts.Api.Apis;

/// <summary>
/// Who a view is made for: the address the caller reached this API at (local signed URLs are made
/// absolute with it) and the caller's language. Taken from a request, and kept by a live connection.
/// </summary>
/// <param name="BaseUrl">Scheme, host and path base, without a trailing slash.</param>
/// <param name="English">The caller prefers English messages.</param>
public sealed record ViewContext(string BaseUrl, bool English)
{
    /// <summary>The context of <paramref name="request"/>.</summary>
    public static ViewContext Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ViewContext($"{request.Scheme}://{request.Host}{request.PathBase}", CallerLanguage.PrefersEnglish(request));
    }
}

/// <summary>Records as clients see them: signed URLs made fresh on every read, messages in their language.</summary>
public sealed class JobViews(IArtifactUrlSigner signer)
{
    /// <summary>The view of a record for this request.</summary>
    public JobView ToView(JobRecord record, HttpRequest request) => ToView(record, ViewContext.Of(request));

    /// <summary>The view of a record for a caller.</summary>
    public JobView ToView(JobRecord record, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        return new JobView
        {
            Id = record.Id,
            Status = record.Status,
            Experiment = record.Experiment,
            Title = record.Title,
            StatusUrl = StatusPath(record.Id),
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            FinishedAt = record.FinishedAt,
            Attempts = record.Attempts,
            RenderVersion = record.RenderVersion,
            Result = record.Result,
            Artifacts = [.. record.Artifacts.Select(artifact => ToView(artifact, context))],
            Error = record.Error is { } error
                ? new JobErrorView(error.Code, context.English ? error.MessageEn : error.MessageZh, error.Field)
                : null,
        };
    }

    /// <summary>Where a job's status is read.</summary>
    public static string StatusPath(string jobId) => $"/api/jobs/{jobId}";

    private ArtifactView ToView(StoredArtifact artifact, ViewContext context)
    {
        var signed = signer.Sign(StorageKey.Parse(artifact.Key));
        // The embedded store signs paths on this API; make them absolute for the client.
        var url = signed.Url.StartsWith('/') ? context.BaseUrl + signed.Url : signed.Url;
        return new ArtifactView(artifact.Name, artifact.Format, url, signed.ExpiresAt, artifact.Width, artifact.Height, artifact.Bytes);
    }
}
