namespace LabCharts.Api.Apis;

/// <summary><c>Api:*</c> — limits of the HTTP edge.</summary>
public sealed class ApiOptions
{
    /// <summary>Largest accepted request body (WeChat's own limit for text bodies is 100 KiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Upper bound of <c>?wait=</c>: <c>callContainer</c> gives up after 15 s.</summary>
    public int MaxWaitSeconds { get; set; } = 10;

    /// <summary>
    /// How long <c>POST /api/admin/rerender</c> waits for the scan to give the batch's total before it
    /// answers without it (the scan goes on): within <c>callContainer</c>'s 15 s.
    /// </summary>
    public int RerenderScanWaitSeconds { get; set; } = 8;
}
