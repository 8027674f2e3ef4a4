using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.Storage;

/// <summary>
/// The embedded store: one file per object under a root folder. Writes go to a temporary file in the
/// same folder and are renamed over the target, which is atomic on POSIX file systems, so a reader
/// sees the old object or the new one, never half of one.
/// </summary>
public sealed class LocalFolderObjectStore : IObjectStore
{
    private const string TemporarySuffix = ".partial";

    /// <summary>Opens (and creates) the root folder.</summary>
    public LocalFolderObjectStore(IOptions<LocalStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.GetFullPath(options.Value.Root);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The absolute root folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public async Task PutAsync(StorageKey key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var temporary = $"{Path.GetDirectoryName(path)}/.{Path.GetFileName(path)}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken);
                // Durable before it becomes visible: a job is acknowledged only after this returns.
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception error)
        {
            // Nothing half-written stays: the object is either the old one or the new one, whole.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }
            if (error is IOException or UnauthorizedAccessException)
            {
                // A full disk (ENOSPC), a read-only or vanished volume: an outage, not a bug.
                throw new StorageUnavailableException($"The local store could not write '{key}': {error.Message}", error);
            }
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredObject?> GetAsync(StorageKey key, CancellationToken cancellationToken)
    {
        try
        {
            var content = await File.ReadAllBytesAsync(PathOf(key), cancellationToken);
            return new StoredObject(content, ContentTypes.ForKey(key));
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StorageKey> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folder = Path.Combine(Root, prefix);
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        var keys = new List<StorageKey>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            // Temporary files of writes in progress start with a dot and never parse as keys.
            if (TryKeyOf(file, out var key))
            {
                keys.Add(key);
            }
        }
        keys.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListFoldersAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folder = Path.Combine(Root, prefix);
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        // As on S3, a folder is there while it holds an object: deletes leave empty directories behind.
        var names = Directory.EnumerateDirectories(folder)
            .Where(directory => StorageKey.IsSafeSegment(Path.GetFileName(directory))
                && Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Any(file => TryKeyOf(file, out _)))
            .Select(directory => Path.GetFileName(directory)!).ToList();
        names.Sort(string.CompareOrdinal);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }
        await Task.CompletedTask;
    }

    /// <summary>The key a file under the root holds; temporary files of writes in progress hold none.</summary>
    private bool TryKeyOf(string file, out StorageKey key) =>
        StorageKey.TryParse(Path.GetRelativePath(Root, file).Replace('\\', '/'), out key);

    /// <inheritdoc />
    public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Delete(PathOf(key));
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(Directory.Exists(Root));

    private string PathOf(StorageKey key) => Path.Combine(Root, key.Value);
}
