namespace LabCharts.Jobs.Submission;

/// <summary><c>Sweeper:*</c> — re-publishing jobs whose message was lost.</summary>
public sealed class SweeperOptions
{
    /// <summary>Run the sweeper in this process (on by default in the API host).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often it looks.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A job not final this long after creation is re-published.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);
}
