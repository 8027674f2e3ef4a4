namespace LabCharts.Analysis;

/// <summary>Reads the request's model kind against the kinds an experiment accepts.</summary>
internal static class ModelSelection
{
    /// <summary>
    /// The accepted kind the request names (case-insensitive), or <paramref name="fallback"/> when
    /// it names none; throws <c>unknown_model</c> otherwise.
    /// </summary>
    public static string Select(ModelSpec? model, IReadOnlyList<string> accepted, string fallback)
    {
        if (model is null || string.IsNullOrWhiteSpace(model.Kind))
        {
            return fallback;
        }

        var kind = model.Kind.Trim();
        return accepted.FirstOrDefault(a => string.Equals(a, kind, StringComparison.OrdinalIgnoreCase))
            ?? throw AnalysisErrors.UnknownModel(kind, accepted);
    }
}
