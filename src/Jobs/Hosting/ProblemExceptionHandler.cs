using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LabCharts.Jobs.Hosting;

/// <summary>
/// Last line of defence: anything a handler did not turn into a problem becomes problem+json
/// (a 413 for Kestrel's own body limit, a 400 for a malformed request line, a 500 otherwise).
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            ProblemException known => known.Problem,
            StorageUnavailableException => ProblemCatalog.StorageUnavailable(),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ProblemCatalog.BodyTooLarge(1024 * 1024),
            BadHttpRequestException bad => ProblemCatalog.MalformedJson(bad.Message),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            problem = ProblemCatalog.Internal();
        }
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // An outage the operator must see; the caller only hears "try again".
            logger.Log(exception is StorageUnavailableException { Refused: true } ? LogLevel.Error : LogLevel.Warning,
                "{Path} answered 503 {Code}: {Reason}", httpContext.Request.Path, problem.Code, exception.Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }
        await problem.ToResult(httpContext.Request).ExecuteAsync(httpContext);
        return true;
    }
}
