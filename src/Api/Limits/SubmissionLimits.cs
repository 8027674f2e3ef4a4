using System.Globalization;
using System.Threading.RateLimiting;
using LabCharts.Api.Identity;
using LabCharts.Jobs.Hosting;
using LabCharts.Jobs.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LabCharts.Api.Limits;

/// <summary>
/// The per-openid submission rate, on ASP.NET Core's rate limiter: one token bucket per caller (the
/// gateway's openid; a request without one by its address, and it is refused as unauthenticated
/// anyway). A refusal is <c>429 rate_limited</c> with <c>Retry-After</c> in whole seconds.
/// </summary>
public static class SubmissionLimits
{
    /// <summary>The policy <c>POST /api/jobs</c> carries.</summary>
    public const string Policy = "submissions";

    /// <summary>Registers the options and the limiter.</summary>
    public static IServiceCollection AddSubmissionLimits(this IServiceCollection services)
    {
        services.AddOptions<SubmissionLimitsOptions>().BindConfiguration("Limits")
            .Validate(o => o.SubmissionsPerMinute >= 0 && o.SubmissionBurst >= 1 && o.MaxUnfinishedPerOwner >= 0 && o.UnfinishedRetryAfterSeconds >= 1,
                "Limits: SubmissionsPerMinute and MaxUnfinishedPerOwner must be ≥ 0, SubmissionBurst and UnfinishedRetryAfterSeconds ≥ 1.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<SubmissionLimitsOptions>>().Value;
                if (settings.SubmissionsPerMinute == 0)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }
                var caller = context.RequestServices.GetRequiredService<GatewayIdentity>().Resolve(context.Request);
                var partition = caller is not null ? "owner:" + caller.Owner : "address:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.SubmissionBurst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / settings.SubmissionsPerMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                await WriteAsync(rejected.HttpContext, ProblemCatalog.RateLimited(seconds), seconds);
            };
        });
        return services;
    }

    /// <summary>A 429 problem with its <c>Retry-After</c>.</summary>
    public static Task WriteAsync(HttpContext context, Problem problem, int retryAfterSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return problem.ToResult(context.Request).ExecuteAsync(context);
    }
}
