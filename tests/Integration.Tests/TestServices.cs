namespace LabCharts.Integration.Tests;

/// <summary>
/// The real servers test.sh starts. Outside CI a missing server skips the test with the reason;
/// in CI (<c>CI=true</c>) it fails.
/// </summary>
public static class TestServices
{
    public static string RabbitMqUri => Require("LABCHARTS_TEST_RABBITMQ_URI", "RabbitMQ");

    public static string RabbitMqCtl => Require("LABCHARTS_TEST_RABBITMQCTL", "rabbitmqctl");

    public static string S3Endpoint => Require("LABCHARTS_TEST_S3_ENDPOINT", "the S3 server");

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
