namespace LabCharts.Api.Identity;

/// <summary>
/// <c>Admin:*</c> — who may use <c>/api/admin</c>. With neither a token nor an openid the admin
/// endpoints are off (<c>404</c>); in Development <see cref="DevelopmentToken"/> is the token when none is set.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>The token of Development when <c>Admin:Token</c> is not set (README, "Admin").</summary>
    public const string DevelopmentToken = "labcharts-dev-admin";

    /// <summary>A bearer token (<c>Authorization: Bearer …</c>), compared in constant time.</summary>
    public string? Token { get; set; }

    /// <summary>Openids that are admins when they call through the gateway (<c>X-WX-OPENID</c> with <c>X-WX-SOURCE</c>).</summary>
    public List<string> OpenIds { get; set; } = [];
}
