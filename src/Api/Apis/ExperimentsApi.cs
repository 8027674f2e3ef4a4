using LabCharts.Analysis;

namespace LabCharts.Api.Apis;

/// <summary><c>GET /api/experiments</c>: the catalogue, so clients can build their forms from it.</summary>
public static class ExperimentsApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/experiments", GetAll).WithTags("Experiments")
            .WithSummary("Ids, zh/en names, input columns and constants with units, model.");
        return app;
    }

    /// <summary>Every experiment's definition.</summary>
    public static IResult GetAll() =>
        TypedResults.Ok<IReadOnlyList<ExperimentDefinition>>([.. ExperimentCatalog.All.Select(e => e.Definition)]);
}
