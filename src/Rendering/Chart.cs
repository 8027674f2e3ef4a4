namespace LabCharts.Rendering;

/// <summary>An immutable description of one chart. Text fields are Pango markup.</summary>
public sealed record Chart
{
    /// <summary>Title markup, drawn bold at the top; wraps when too long, then shrinks.</summary>
    public string? Title { get; init; }

    /// <summary>Optional second line under the title.</summary>
    public string? Subtitle { get; init; }

    public required Axis X { get; init; }

    public required Axis Y { get; init; }

    /// <summary>Series drawn in order (bands first, markers above lines).</summary>
    public IReadOnlyList<Series> Series { get; init; } = [];

    /// <summary>Markup lines shown in a box inside the plot area, in a place free of data.</summary>
    public IReadOnlyList<string> Annotations { get; init; } = [];

    /// <summary>Panels under the main one, sharing its x axis (e.g. residuals); tick labels of x go under the last.</summary>
    public IReadOnlyList<Panel> Panels { get; init; } = [];

    /// <summary>Horizontal grid lines at the major ticks (and vertical ones).</summary>
    public bool Grid { get; init; } = true;
}
