using System.Text.Json.Serialization;
using LabCharts.Jobs.Problems;

namespace LabCharts.Jobs.Records;

/// <summary>Why a job failed: the stable code, the message in both languages, and the field to blame.</summary>
/// <param name="Code">Stable error code (README, "Errors").</param>
/// <param name="MessageZh">Message in Chinese.</param>
/// <param name="MessageEn">Message in English.</param>
/// <param name="Field">The request field at fault, when one is.</param>
/// <param name="Status">
/// The HTTP status the same problem has at submission (400 for the data's faults, 5xx for ours);
/// absent on records written before it was stored.
/// </param>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record JobError(string Code, string MessageZh, string MessageEn, string? Field = null, int? Status = null)
{
    /// <summary>The stored form of a problem.</summary>
    public static JobError From(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new JobError(problem.Code, problem.MessageZh, problem.MessageEn, problem.Field, problem.Status);
    }

    /// <summary>True when the request's data caused it (a 4xx problem), not a fault of ours.</summary>
    public bool IsInputError => Status is >= 400 and < 500;

    /// <summary>The problem again, as the API answers it.</summary>
    public Problem ToProblem() => new(Code, Status ?? 500, MessageZh, MessageEn, Field);
}
