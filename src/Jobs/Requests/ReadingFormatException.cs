using System.Text.Json;

namespace LabCharts.Jobs.Requests;

/// <summary>
/// A reading in <c>values</c> that is not a number (a word, a null, an object). The serializer adds the
/// column's path; <see cref="JobRequestJson.ToProblem"/> turns it into a problem naming the cell.
/// </summary>
#pragma warning disable CA1032 // Not thrown outside the reader; the standard constructors add nothing.
internal sealed class ReadingFormatException(string message, int point, int? reading, string text) : JsonException(message)
#pragma warning restore CA1032
{
    /// <summary>0-based index of the point.</summary>
    public int Point { get; } = point;

    /// <summary>0-based index of the reading within the point, for an array of repeated readings.</summary>
    public int? Reading { get; } = reading;

    /// <summary>The value as sent, shortened (<c>abc</c>, <c>null</c>).</summary>
    public string Text { get; } = text;
}
