namespace LabCharts.Jobs.Submission;

/// <summary><c>Sweeper:*</c> — re-publishing jobs whose message was lost.</summary>
public sealed class SweeperOptions
{
    /// <summary>Run the sweeper in this process (on by default in the API host).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When it looks: a Quartz cron expression (seconds first); every minute by default.</summary>
    public string Schedule { get; set; } = "0 * * * * ?";

    /// <summary>A job not final this long after creation is re-published.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Worker starts after which an unfinished job is given up (<c>processing_failed</c>).</summary>
    public int MaxAttempts { get; set; } = 5;
}
