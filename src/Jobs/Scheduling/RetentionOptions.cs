namespace LabCharts.Jobs.Scheduling;

/// <summary><c>Retention:*</c> — deleting old jobs. Off unless <see cref="Days"/> is set.</summary>
public sealed class RetentionOptions
{
    /// <summary>Jobs older than this many days are deleted, whole (request, record, charts); 0 keeps every job.</summary>
    public int Days { get; set; }

    /// <summary>When it runs: a Quartz cron expression; 03:30 every night by default.</summary>
    public string Schedule { get; set; } = "0 30 3 * * ?";
}
