namespace LabCharts.Jobs.Contracts;

/// <summary>Reporting options.</summary>
public sealed record JobOptions
{
    /// <summary><c>halfEven</c> (四舍六入五凑偶, default) or <c>up</c> (只进不舍) for the uncertainty.</summary>
    public string? Rounding { get; init; }
}
