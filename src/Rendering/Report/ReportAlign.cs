namespace LabCharts.Rendering;

/// <summary>Horizontal alignment of a table column's cells.</summary>
public enum ReportAlign
{
    /// <summary>Against the column's left edge (text).</summary>
    Left,

    /// <summary>Centred in the column.</summary>
    Center,

    /// <summary>Against the column's right edge (numbers, so that their digits line up).</summary>
    Right,
}
