namespace LabCharts.Jobs.Queue;

/// <summary>The broker did not take (or did not confirm) a message: the caller should try again later.</summary>
public sealed class QueueUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QueueUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public QueueUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public QueueUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
