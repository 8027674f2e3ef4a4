using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Views;

namespace LabCharts.Api.Apis;

/// <summary>Records as clients see them: signed URLs made fresh on every read, messages in their language.</summary>
public sealed class JobViews(IArtifactUrlSigner signer)
{
    /// <summary>The view of a record for this request.</summary>
    public JobView ToView(JobRecord record, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(request);
        var english = CallerLanguage.PrefersEnglish(request);
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
            Artifacts = [.. record.Artifacts.Select(artifact => ToView(artifact, request))],
            Error = record.Error is { } error
                ? new JobErrorView(error.Code, english ? error.MessageEn : error.MessageZh, error.Field)
                : null,
        };
    }

    /// <summary>Where a job's status is read.</summary>
    public static string StatusPath(string jobId) => $"/api/jobs/{jobId}";

    private ArtifactView ToView(StoredArtifact artifact, HttpRequest request)
    {
        var signed = signer.Sign(StorageKey.Parse(artifact.Key));
        // The embedded store signs paths on this API; make them absolute for the client.
        var url = signed.Url.StartsWith('/') ? $"{request.Scheme}://{request.Host}{request.PathBase}{signed.Url}" : signed.Url;
        return new ArtifactView(artifact.Name, artifact.Format, url, signed.ExpiresAt, artifact.Width, artifact.Height, artifact.Bytes);
    }
}
