using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace LabCharts.Jobs.Hosting;

/// <summary>Messages are Chinese unless the caller prefers English (<c>Accept-Language: en</c>).</summary>
public static class CallerLanguage
{
    /// <summary>True when the highest-ranked of zh/en in Accept-Language is en.</summary>
    public static bool PrefersEnglish(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ranked = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value ?? "");
        foreach (var language in ranked)
        {
            if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return false;
    }
}
