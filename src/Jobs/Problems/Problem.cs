namespace LabCharts.Jobs.Problems;

/// <summary>
/// A client-facing error: stable machine <see cref="Code"/> (a public contract, listed in the README),
/// HTTP status, and the message in Chinese (default) and English.
/// </summary>
public sealed record Problem(string Code, int Status, string MessageZh, string MessageEn, string? Field = null)
{
    /// <summary>The message for a caller who prefers English or not.</summary>
    public string Message(bool english) => english ? MessageEn : MessageZh;
}
