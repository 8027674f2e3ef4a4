using LabCharts.Api.Http;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LabCharts.Api.Apis;

/// <summary>
/// <c>GET /files/{key}?exp=…&amp;sig=…</c>: the embedded store's signed URLs. A wrong signature or an
/// expired link is a 403; nothing is served without both.
/// </summary>
public static class FilesApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        // Only the embedded store signs /files URLs; with S3 clients get presigned URLs of the store.
        if (app.ServiceProvider.GetService<LocalFileUrlSigner>() is not null)
        {
            app.MapGet(LocalFileUrlSigner.RoutePrefix + "{**key}", GetAsync).ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>Serves one signed object.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string key, string? exp, string? sig, HttpContext context, [FromServices] LocalFileUrlSigner signer, [FromServices] IObjectStore store,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!signer.TryVerify(key, exp, sig, out var storageKey))
        {
            return ProblemCatalog.InvalidSignature().ToResult(context.Request);
        }
        var stored = await store.GetAsync(storageKey, cancellationToken);
        if (stored is null)
        {
            return ProblemCatalog.JobNotFound().ToResult(context.Request);
        }
        context.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.File(stored.Content, stored.ContentType);
    }
}
