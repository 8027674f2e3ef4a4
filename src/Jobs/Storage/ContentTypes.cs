namespace LabCharts.Jobs.Storage;

/// <summary>Content types of the objects LabCharts writes, by extension.</summary>
public static class ContentTypes
{
    /// <summary>JSON documents.</summary>
    public const string Json = "application/json";

    /// <summary>The type for a key's extension; <c>application/octet-stream</c> when unknown.</summary>
    public static string ForKey(StorageKey key) => Path.GetExtension(key.Value).ToLowerInvariant() switch
    {
        ".json" => Json,
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".pdf" => "application/pdf",
        ".csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    };
}
