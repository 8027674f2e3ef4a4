namespace LabCharts.Jobs.Storage;

/// <summary><c>Storage:Local:*</c> — the embedded store.</summary>
public sealed class LocalStorageOptions
{
    /// <summary>Folder holding the objects; relative paths are from the working directory.</summary>
    public string Root { get; set; } = "data";

    /// <summary>The shortest <see cref="SigningKey"/> accepted outside Development.</summary>
    public const int MinSigningKeyLength = 32;

    /// <summary>
    /// HMAC key for <c>/files</c> URLs. Required outside Development (start fails without it); in
    /// Development, when empty, one is made and kept in the root folder.
    /// </summary>
    public string? SigningKey { get; set; }
}
