namespace LabCharts.Tests;

/// <summary>
/// The real servers <c>test.sh</c> starts (RabbitMQ, s3rver), found through environment variables.
/// Outside CI a test that needs a missing server is skipped with the reason; in CI (<c>CI=true</c>)
/// it fails, so a broken setup can never pass as "skipped".
/// </summary>
public static class TestServices
{
    public static string RabbitMqUri => Require("LABCHARTS_TEST_RABBITMQ_URI", "RabbitMQ");

    public static string RabbitMqCtl => Require("LABCHARTS_TEST_RABBITMQCTL", "rabbitmqctl");

    public static string S3Endpoint => Require("LABCHARTS_TEST_S3_ENDPOINT", "the S3 server");

    /// <summary>s3rver's fixed credentials.</summary>
    public const string S3AccessKey = "S3RVER";

    public const string S3SecretKey = "S3RVER";

    public const string S3Bucket = "labcharts";

    /// <summary>A loopback port free now (for a stand-in server a test starts).</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string Require(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }
        var reason = $"{what} is not running ({variable} is not set): run the tests with ./test.sh";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }
        Assert.Skip(reason);
        return "";
    }
}
