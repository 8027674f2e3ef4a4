namespace LabCharts.Jobs.Storage;

/// <summary>Signs short-lived read URLs for stored artifacts: clients never get storage paths.</summary>
public interface IArtifactUrlSigner
{
    /// <summary>A URL that reads <paramref name="key"/> until now + the configured lifetime.</summary>
    SignedUrl Sign(StorageKey key);
}
