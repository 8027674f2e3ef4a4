namespace LabCharts.Jobs.Problems;

/// <summary>Carries a <see cref="Problem"/> out of validation to the HTTP edge.</summary>
public sealed class ProblemException : Exception
{
    /// <summary>Wraps a problem.</summary>
    public ProblemException(Problem problem) : base(problem.MessageEn) => Problem = problem;

    /// <summary>Wraps a problem caused by another exception.</summary>
    public ProblemException(Problem problem, Exception inner) : base(problem.MessageEn, inner) => Problem = problem;

    /// <summary>What to tell the client.</summary>
    public Problem Problem { get; }
}
