namespace LabCharts.Analysis;

/// <summary>
/// An input the analysis rejects, with a stable machine <see cref="Code"/> (see
/// <see cref="AnalysisErrorCodes"/>), a message in Chinese and in English, and the request path
/// of the offending field (<c>data.T</c>, <c>constants.g_ref</c>, <c>model</c>, <c>experiment</c>).
/// <see cref="Exception.Message"/> is the English message.
/// </summary>
public sealed class AnalysisException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnalysisException(string code, string messageZh, string messageEn, string? field = null)
        : base(messageEn)
    {
        Code = code;
        MessageZh = messageZh;
        MessageEn = messageEn;
        Field = field;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public AnalysisException()
        : this(AnalysisErrorCodes.InvalidInput, "输入无效。", "Invalid input.")
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public AnalysisException(string message)
        : this(AnalysisErrorCodes.InvalidInput, message, message)
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public AnalysisException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = AnalysisErrorCodes.InvalidInput;
        MessageZh = message;
        MessageEn = message;
    }

    /// <summary>Stable machine code, e.g. <c>too_few_points</c>.</summary>
    public string Code { get; }

    /// <summary>Human message in Simplified Chinese (the default language).</summary>
    public string MessageZh { get; }

    /// <summary>Human message in English.</summary>
    public string MessageEn { get; }

    /// <summary>Request path of the offending field, or null when the request as a whole is at fault.</summary>
    public string? Field { get; }

    /// <summary>
    /// The 0-based index of the data point at fault in <see cref="Field"/>'s column, when one value is
    /// (a table editor marks that cell); null otherwise.
    /// </summary>
    public int? Point { get; init; }

    /// <summary>The 0-based index of the repeated reading at fault within <see cref="Point"/>, when one is.</summary>
    public int? Reading { get; init; }
}
