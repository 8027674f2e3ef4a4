namespace LabCharts.Api.Limits;

/// <summary>
/// <c>Limits:*</c> — how much one student may submit: a per-openid rate (a token bucket: a burst, then a
/// steady rate) and a cap on jobs queued or running at once, so that one caller cannot fill the queue
/// ahead of a class. Both answer <c>429</c> with <c>Retry-After</c>; zero switches a limit off.
/// </summary>
public sealed class SubmissionLimitsOptions
{
    /// <summary>Submissions per minute per caller once the burst is spent (0: no rate limit).</summary>
    public int SubmissionsPerMinute { get; set; } = 30;

    /// <summary>Submissions a caller may make at once before the rate applies.</summary>
    public int SubmissionBurst { get; set; } = 10;

    /// <summary>Jobs of one caller that may be queued or running at once (0: no cap).</summary>
    public int MaxUnfinishedPerOwner { get; set; } = 20;

    /// <summary>The <c>Retry-After</c> of a submission refused by the cap, in seconds.</summary>
    public int UnfinishedRetryAfterSeconds { get; set; } = 10;
}
