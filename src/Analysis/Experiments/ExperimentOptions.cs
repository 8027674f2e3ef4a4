namespace LabCharts.Analysis;

/// <summary>Reads <see cref="ExperimentInput.Options"/> against an option's accepted values.</summary>
internal static class ExperimentOptions
{
    /// <summary>
    /// The option's value (lower case), its default when absent; for <c>mode</c> the model kind
    /// is accepted too, since the API already forwards it. Throws <c>invalid_option</c> otherwise.
    /// </summary>
    public static string Read(ExperimentInput input, OptionDefinition option)
    {
        string? given = null;
        foreach (var (key, value) in input.Options ?? new Dictionary<string, string>())
        {
            if (string.Equals(key, option.Key, StringComparison.OrdinalIgnoreCase))
            {
                given = value;
            }
        }

        if (given is null && option.Key == "mode" && input.Model?.Kind is { } kind && option.Values.Contains(kind.Trim().ToLowerInvariant()))
        {
            given = kind;
        }

        if (string.IsNullOrWhiteSpace(given))
        {
            return option.Default;
        }

        var normalized = given.Trim().ToLowerInvariant();
        return option.Values.Contains(normalized)
            ? normalized
            : throw AnalysisErrors.Custom(
                AnalysisErrorCodes.InvalidOption, new InputField($"options.{option.Key}", option.NameZh, option.NameEn),
                $"选项 {option.Key}（{option.NameZh}）不支持“{given}”，可选：{string.Join("、", option.Values)}。",
                $"Option {option.Key} ({option.NameEn}) does not accept '{given}'; use one of: {string.Join(", ", option.Values)}.");
    }
}
