using LabCharts.Jobs.Views;

namespace LabCharts.Api.Apis;

/// <summary><c>GET /api/ping</c>: liveness, kept from the old back end.</summary>
public static class PingApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapPingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ping", () => TypedResults.Ok(new PingAnswer("pong", "labcharts", Version)))
            .WithTags("Health");
        return app;
    }

    private static string Version { get; } =
        typeof(PingApi).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
