using Amazon.Runtime;
using LabCharts.Jobs.Hosting;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.S3;

/// <summary>Wiring of the S3 adapter.</summary>
public static class S3Extensions
{
    /// <summary>
    /// When <c>Storage:S3:Endpoint</c> is set: the S3 object store, presigned URLs and a readiness
    /// check on the bucket. Call before <c>AddLabChartsJobs</c>, which adds the local folder only when
    /// no store was added. Does nothing when S3 is not configured.
    /// </summary>
    public static IHostApplicationBuilder AddS3Storage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration["Storage:S3:Endpoint"]))
        {
            return builder;
        }
        var services = builder.Services;
        services.AddOptions<S3StorageOptions>().BindConfiguration("Storage:S3")
            .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Storage:S3:Endpoint must be an absolute URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicEndpoint) || Uri.TryCreate(o.PublicEndpoint, UriKind.Absolute, out _),
                "Storage:S3:PublicEndpoint must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Bucket), "Storage:S3:Bucket is required.")
            .Validate(o => o.UsesCloudRunCredentials || string.Equals(o.CredentialSource, "keys", StringComparison.OrdinalIgnoreCase),
                "Storage:S3:CredentialSource must be 'keys' or 'cloudrun'.")
            .Validate(o => !o.UsesCloudRunCredentials
                    || (Uri.TryCreate(o.CloudRunAuthUrl, UriKind.Absolute, out var auth) && auth.Scheme is "http" or "https" && o.CredentialRefreshBefore > TimeSpan.Zero),
                "Storage:S3:CloudRunAuthUrl must be an http(s) URL and Storage:S3:CredentialRefreshBefore positive.")
            .ValidateOnStart();
        // One set of keys for the store and the URL signer, so temporary keys are fetched once per refresh.
        services.AddSingleton<AWSCredentials>(provider => S3Clients.CredentialsFor(
            provider.GetRequiredService<IOptions<S3StorageOptions>>().Value, provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IObjectStore, S3ObjectStore>();
        services.AddSingleton<IArtifactUrlSigner, S3PresignedUrlSigner>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [LabChartsHostDefaults.ReadyTag]);
        return builder;
    }
}
