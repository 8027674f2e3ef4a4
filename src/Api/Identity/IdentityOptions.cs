namespace LabCharts.Api.Identity;

/// <summary><c>Identity:*</c> — how callers are recognised.</summary>
public sealed class IdentityOptions
{
    /// <summary>
    /// Trust the <c>X-WX-*</c> headers only when the gateway's <c>X-WX-SOURCE</c> is present, as
    /// WeChat Cloud Run advises. Relaxed (false) in Development.
    /// </summary>
    public bool RequireGatewaySource { get; set; } = true;

    /// <summary>A request without identity acts as <see cref="DevOpenId"/>. On only in Development.</summary>
    public bool AllowDevUser { get; set; }

    /// <summary>The fixed development user's openid.</summary>
    public string DevOpenId { get; set; } = "dev-openid";

    /// <summary>The fixed development user's app id.</summary>
    public string DevAppId { get; set; } = "dev-appid";
}
