namespace LabCharts.Analysis;

/// <summary>
/// The model a <c>custom</c> request asks for: a kind (<c>linear</c>, <c>proportional</c>, …) and
/// the kind's options (polynomial degree, expression and initial guesses).
/// </summary>
public sealed record ModelSpec(
    string Kind,
    int? Degree = null,
    string? Expression = null,
    IReadOnlyDictionary<string, double>? Initial = null);
