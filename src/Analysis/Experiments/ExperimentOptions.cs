namespace LabCharts.Analysis;

/// <summary>Reads <see cref="ExperimentInput.Options"/> against an option's accepted values.</summary>
internal static class ExperimentOptions
{
    /// <summary>
    /// Refuses an option the experiment does not have (<c>unknown_field</c>, naming
    /// <c>options.{key}</c> and the options it has), so a typo is never silently ignored.
    /// </summary>
    public static void CheckKnown(ExperimentInput input, IReadOnlyList<OptionDefinition> options)
    {
        foreach (var key in (input.Options ?? new Dictionary<string, string>()).Keys)
        {
            if (!options.Any(option => string.Equals(option.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                string[] all = ["rounding", .. options.Select(option => option.Key)];
                throw AnalysisErrors.Custom(
                    AnalysisErrorCodes.UnknownOption, new InputField($"options.{key}", $"选项 {key}", $"option {key}"),
                    $"未知字段“options.{key}”：本实验的选项有 {string.Join("、", all)}。",
                    $"Unknown field 'options.{key}': this experiment's options are {string.Join(", ", all)}.");
            }
        }
    }

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
