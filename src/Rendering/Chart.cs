namespace LabCharts.Rendering;

/// <summary>An immutable description of one chart. Text fields are Pango markup.</summary>
public sealed record Chart
{
    /// <summary>Title markup, drawn bold at the top; wraps when too long.</summary>
    public string? Title { get; init; }

    /// <summary>Optional second line under the title.</summary>
    public string? Subtitle { get; init; }

    public required Axis X { get; init; }

    public required Axis Y { get; init; }

    /// <summary>Series drawn in order; markers are drawn above lines.</summary>
    public IReadOnlyList<Series> Series { get; init; } = [];

    /// <summary>Markup lines shown in a box inside the plot area, in a corner free of data.</summary>
    public IReadOnlyList<string> Annotations { get; init; } = [];
}
