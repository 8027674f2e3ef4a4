namespace LabCharts.Jobs.Requests;

/// <summary>Which chart files to make. An empty <see cref="Formats"/> list asks for no chart.</summary>
public sealed record RenderData
{
    /// <summary><c>png</c>, <c>svg</c>, <c>pdf</c>.</summary>
    public List<string>? Formats { get; init; }

    /// <summary>Width in CSS pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Height in CSS pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Device pixel ratio (phones: 2 or 3).</summary>
    public double? Scale { get; init; }

    /// <summary>True: also make the lab-report section (<c>report</c>, A4 PDF) and the processed data (<c>data</c>, CSV).</summary>
    public bool? Report { get; init; }

    /// <summary><c>default</c> (colour-blind-safe colours) or <c>bw</c> (black and white, for print).</summary>
    public string? Theme { get; init; }
}
