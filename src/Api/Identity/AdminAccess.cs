using System.Security.Cryptography;
using System.Text;
using LabCharts.Jobs.Problems;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Identity;

/// <summary>
/// Decides who may use <c>/api/admin</c>: a bearer token (compared in constant time) or an openid of
/// the allow-list arriving through the gateway. No credential is <c>401</c>, a wrong one or a
/// student's openid <c>403</c>, and with neither configured the endpoints do not exist (<c>404</c>).
/// </summary>
public sealed class AdminAccess(IOptions<AdminOptions> options, GatewayIdentity identity, IHostEnvironment environment)
{
    /// <summary>The key under which the admin's description is kept in <see cref="HttpContext.Items"/>.</summary>
    public const string AdminItem = "labcharts.admin";

    /// <summary>The admin a request comes from, as the audit log names them (never a raw openid).</summary>
    public static string Who(HttpContext context) =>
        context?.Items[AdminItem] as string ?? "unknown";

    /// <summary>The endpoint filter of the <c>/api/admin</c> group.</summary>
    public async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var settings = options.Value;
        var token = !string.IsNullOrEmpty(settings.Token) ? settings.Token
            : environment.IsDevelopment() ? AdminOptions.DevelopmentToken
            : null;
        if (token is null && settings.OpenIds.Count == 0)
        {
            return ProblemCatalog.NotFound().ToResult(request);
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            if (token is null || !SameSecret(authorization["Bearer ".Length..].Trim(), token))
            {
                return ProblemCatalog.Forbidden().ToResult(request);
            }
            context.HttpContext.Items[AdminItem] = "token";
            return await next(context);
        }
        if (identity.ResolveFromGateway(request) is { } caller)
        {
            if (!settings.OpenIds.Contains(caller.OpenId, StringComparer.Ordinal))
            {
                return ProblemCatalog.Forbidden().ToResult(request);
            }
            context.HttpContext.Items[AdminItem] = $"openid:{caller.Owner}";
            return await next(context);
        }
        return ProblemCatalog.Unauthenticated().ToResult(request);
    }

    // Hashing first makes the comparison's time independent of both lengths.
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
