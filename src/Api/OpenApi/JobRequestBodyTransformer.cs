using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabCharts.Api.OpenApi;

/// <summary>
/// Documents <c>POST /api/jobs</c>'s JSON body. The handler reads the body itself (to answer every
/// malformed input with a precise problem, and to accept clients that omit the content type), so
/// the body is described here rather than through <c>Accepts</c>, which would turn a missing
/// <c>Content-Type</c> into a bare 415.
/// </summary>
public sealed class JobRequestBodyTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.HttpMethod != "POST" || context.Description.RelativePath?.TrimEnd('/') != "api/jobs")
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(typeof(JobRequest), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }
}
