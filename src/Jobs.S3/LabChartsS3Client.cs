using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;

namespace LabCharts.Jobs.S3;

/// <summary>The SDK client with LabCharts' pipeline additions for S3-compatible stores.</summary>
internal sealed class LabChartsS3Client(AWSCredentials credentials, AmazonS3Config config) : AmazonS3Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        // After marshalling (the body exists), before signing (the header is signed with the rest).
        pipeline.AddHandlerAfter<Marshaller>(new ContentMd5Handler());
    }
}
