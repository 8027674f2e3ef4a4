namespace LabCharts.Jobs.Storage;

/// <summary>The object store did not answer, or answered with an error, after the retries: try again later.</summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StorageUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>
    /// The store answered, and refused: access denied, no such bucket, a bad request. That is most likely
    /// the configuration (bucket, endpoint, credentials), which waiting does not mend: log it loudly.
    /// </summary>
    public bool Refused { get; init; }
}
