using LabCharts.Jobs.Identity;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Identity;

/// <summary>
/// Reads the caller from WeChat Cloud Run's gateway headers. In an environment shared by several
/// mini-programs (资源复用) the caller arrives as <c>X-WX-FROM-OPENID</c>/<c>X-WX-FROM-APPID</c>,
/// which then take precedence over the environment owner's <c>X-WX-OPENID</c>.
/// </summary>
public sealed class GatewayIdentity(IOptions<IdentityOptions> options)
{
    /// <summary>The caller, or null when the request carries no trusted identity.</summary>
    public Caller? Resolve(HttpRequest request) => Resolve(request, allowDevUser: options.Value.AllowDevUser);

    /// <summary>The caller the gateway headers name, never the development user (admin checks).</summary>
    public Caller? ResolveFromGateway(HttpRequest request) => Resolve(request, allowDevUser: false);

    private Caller? Resolve(HttpRequest request, bool allowDevUser)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var headers = request.Headers;
        var fromGateway = !string.IsNullOrEmpty(headers["X-WX-SOURCE"]);
        if (fromGateway || !settings.RequireGatewaySource)
        {
            var openId = First(headers["X-WX-FROM-OPENID"], headers["X-WX-OPENID"]);
            if (openId is not null)
            {
                var appId = First(headers["X-WX-FROM-APPID"], headers["X-WX-APPID"]) ?? "";
                return new Caller(appId, openId);
            }
        }
        return allowDevUser ? new Caller(settings.DevAppId, settings.DevOpenId) : null;
    }

    private static string? First(string? preferred, string? fallback) =>
        !string.IsNullOrWhiteSpace(preferred) ? preferred.Trim()
        : !string.IsNullOrWhiteSpace(fallback) ? fallback.Trim()
        : null;
}
