namespace LabCharts.Jobs.Storage;

/// <summary><c>Storage:Local:*</c> — the embedded store.</summary>
public sealed class LocalStorageOptions
{
    /// <summary>Folder holding the objects; relative paths are from the working directory.</summary>
    public string Root { get; set; } = "data";

    /// <summary>HMAC key for <c>/files</c> URLs; when empty one is made and kept in the root folder.</summary>
    public string? SigningKey { get; set; }
}
