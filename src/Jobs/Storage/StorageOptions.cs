namespace LabCharts.Jobs.Storage;

/// <summary><c>Storage:*</c> — settings common to every store.</summary>
public sealed class StorageOptions
{
    /// <summary>How long a signed artifact URL stays valid.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);
}
