namespace LabCharts.Jobs.Problems;

/// <summary>
/// A client-facing error: stable machine <see cref="Code"/> (a public contract, listed in the README),
/// HTTP status, and the message in Chinese (default) and English.
/// </summary>
public sealed record Problem(string Code, int Status, string MessageZh, string MessageEn, string? Field = null)
{
    /// <summary>The message for a caller who prefers English or not.</summary>
    public string Message(bool english) => english ? MessageEn : MessageZh;

    /// <summary>
    /// The 0-based index of the data point at fault in <see cref="Field"/>'s column (the problem's
    /// <c>point</c> member), so a table editor can mark the cell; null when no single value is at fault.
    /// </summary>
    public int? Point { get; init; }

    /// <summary>The 0-based index of the repeated reading within <see cref="Point"/> (<c>reading</c>), when one is.</summary>
    public int? Reading { get; init; }
}
