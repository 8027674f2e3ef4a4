using LabCharts.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LabCharts.Api.Tests.Infrastructure;

/// <summary>
/// The whole embedded system (API, in-process queue, worker, local-folder storage) in one test
/// server, with its own temporary data folder and, optionally, a clock the test moves.
/// </summary>
public sealed class LabChartsFactory : LabChartsFactoryBase
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public LabChartsFactory(string environment = "Development", ManualTimeProvider? time = null, string? dataRoot = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
        Time = time;
        DataRoot = dataRoot ?? Path.Combine(Path.GetTempPath(), "labcharts-tests", Guid.NewGuid().ToString("N"));
    }

    public string DataRoot { get; }

    public ManualTimeProvider? Time { get; }

    /// <summary>A client whose requests come through the WeChat Cloud Run gateway as <paramref name="openId"/>.</summary>
    public HttpClient CreateGatewayClient(string openId, params (string Name, string Value)[] extraHeaders)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-WX-SOURCE", "wx_client");
        client.DefaultRequestHeaders.Add("X-WX-OPENID", openId);
        foreach (var (name, value) in extraHeaders)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Storage:Local:Root", DataRoot);
        builder.UseSetting("Worker:Concurrency", "2");
        // Outside Development the /files key must be configured; and the tests submit many jobs as one
        // caller, so the per-caller limits are off unless a test sets them (LimitsTests does).
        builder.UseSetting("Storage:Local:SigningKey", "labcharts-tests-files-signing-key-0123456789");
        builder.UseSetting("Limits:SubmissionsPerMinute", "0");
        builder.UseSetting("Limits:MaxUnfinishedPerOwner", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (Time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataRoot))
        {
            Directory.Delete(DataRoot, recursive: true);
        }
    }
}
