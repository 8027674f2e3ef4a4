namespace LabCharts.Jobs.Storage;

/// <summary>
/// The storage port: a local folder by default, S3-compatible storage when configured.
/// A reader never sees a half-written object: writes replace whole objects.
/// </summary>
public interface IObjectStore
{
    /// <summary>Writes (or replaces) an object.</summary>
    Task PutAsync(StorageKey key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>Reads an object, or null when there is none.</summary>
    Task<StoredObject?> GetAsync(StorageKey key, CancellationToken cancellationToken);

    /// <summary>Keys under a prefix (which ends with <c>/</c>), in ordinal order.</summary>
    IAsyncEnumerable<StorageKey> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// The names of the folders directly under a prefix (which ends with <c>/</c>), in ordinal order, each once: one
    /// entry per folder however many objects it holds (a delimiter listing on S3).
    /// </summary>
    IAsyncEnumerable<string> ListFoldersAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Deletes an object if it exists.</summary>
    Task DeleteAsync(StorageKey key, CancellationToken cancellationToken);

    /// <summary>Deletes many objects (retention, clean-ups); missing ones are no error.</summary>
    Task DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken);

    /// <summary>True when the store answers (readiness).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
