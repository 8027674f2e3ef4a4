using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace LabCharts.Jobs.Hosting;

/// <summary>Problems as <c>application/problem+json</c> with the stable code and a message in the caller's language.</summary>
public static class ProblemResults
{
    /// <summary>The problem as an HTTP result.</summary>
    public static ProblemHttpResult ToResult(this Problem problem, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(problem);
        LabChartsTelemetry.Problems.Add(1, new KeyValuePair<string, object?>("code", problem.Code), new("status", problem.Status));
        var extensions = new Dictionary<string, object?> { ["code"] = problem.Code };
        if (problem.Field is not null)
        {
            extensions["field"] = problem.Field;
        }
        if (problem.Point is { } point)
        {
            extensions["point"] = point;
        }
        if (problem.Reading is { } reading)
        {
            extensions["reading"] = reading;
        }
        return TypedResults.Problem(
            title: problem.Message(CallerLanguage.PrefersEnglish(request)),
            statusCode: problem.Status,
            extensions: extensions);
    }
}
