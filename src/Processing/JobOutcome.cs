namespace LabCharts.Processing;

/// <summary>How a delivery is to be settled.</summary>
public enum JobOutcome
{
    /// <summary>The job's record is final (or there is nothing to do): acknowledge.</summary>
    Done,

    /// <summary>A failure that may pass: deliver again.</summary>
    Retry,
}
