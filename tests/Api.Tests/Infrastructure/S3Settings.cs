using LabCharts.Jobs.S3;

namespace LabCharts.Api.Tests.Infrastructure;

public static class S3Settings
{
    /// <summary>Options for the test S3 server (skips or fails the test when it is not running).</summary>
    public static S3StorageOptions ForTests(string? publicEndpoint = null) => new()
    {
        Endpoint = TestServices.S3Endpoint,
        PublicEndpoint = publicEndpoint,
        Bucket = TestServices.S3Bucket,
        AccessKey = TestServices.S3AccessKey,
        SecretKey = TestServices.S3SecretKey,
        Region = "us-east-1",
    };
}
