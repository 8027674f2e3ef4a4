using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3.Model;

namespace LabCharts.Jobs.S3;

/// <summary>
/// Adds <c>Content-MD5</c> to multi-object deletes. The SDK now sends a CRC32 checksum header
/// instead, which Tencent COS does not accept for this operation (docs/architecture.md, "Decisions").
/// </summary>
internal sealed class ContentMd5Handler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        AddContentMd5(executionContext);
        base.InvokeSync(executionContext);
    }

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        AddContentMd5(executionContext);
        return base.InvokeAsync<T>(executionContext);
    }

    private static void AddContentMd5(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext.Request;
        if (executionContext.RequestContext.OriginalRequest is not DeleteObjectsRequest)
        {
            return;
        }
#pragma warning disable CA5351 // Content-MD5 is what the S3 protocol asks for here: an integrity check, not security
        if (request.Content is { Length: > 0 } body)
        {
            request.Headers["Content-MD5"] = Convert.ToBase64String(MD5.HashData(body));
        }
        else if (request.ContentStream is { CanSeek: true } stream)
        {
            var start = stream.Position;
            request.Headers["Content-MD5"] = Convert.ToBase64String(MD5.HashData(stream));
            stream.Position = start;
        }
#pragma warning restore CA5351
    }
}
