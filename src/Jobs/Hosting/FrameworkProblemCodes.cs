using LabCharts.Jobs.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LabCharts.Jobs.Hosting;

/// <summary>
/// Problems the framework itself writes (unknown route, wrong method …) get a stable <c>code</c> and a
/// message in the caller's language like ours, so clients can rely on <c>code</c> everywhere.
/// </summary>
public static class FrameworkProblemCodes
{
    private static readonly Problem NotFound = ProblemCatalog.NotFound();

    /// <summary>Fills in <c>code</c> (and a localized title) where none is set.</summary>
    public static void Add(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }
        var (code, zh, en) = problem.Status switch
        {
            StatusCodes.Status404NotFound => (NotFound.Code, NotFound.MessageZh, NotFound.MessageEn),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "不支持该请求方法。", "Method not allowed."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "不支持的内容类型。", "Unsupported media type."),
            >= 500 => ("internal_error", "服务器内部错误，请稍后重试。", "Internal error; please try again later."),
            _ => ("bad_request", "请求无效。", "Bad request."),
        };
        problem.Extensions["code"] = code;
        problem.Title = CallerLanguage.PrefersEnglish(context.HttpContext.Request) ? en : zh;
    }
}
