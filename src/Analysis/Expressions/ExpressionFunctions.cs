namespace LabCharts.Analysis;

/// <summary>
/// The functions a model expression may call, with their aliases. <c>log</c> is the natural
/// logarithm (as in C, NumPy and the NIST files); <c>lg</c> and <c>log10</c> are base 10, as
/// Chinese textbooks write them.
/// </summary>
internal static class ExpressionFunctions
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["exp"] = "exp",
        ["ln"] = "ln",
        ["log"] = "ln",
        ["log10"] = "log10",
        ["lg"] = "log10",
        ["sqrt"] = "sqrt",
        ["sin"] = "sin",
        ["cos"] = "cos",
        ["tan"] = "tan",
        ["asin"] = "asin",
        ["arcsin"] = "asin",
        ["acos"] = "acos",
        ["arccos"] = "acos",
        ["atan"] = "atan",
        ["arctan"] = "atan",
        ["sinh"] = "sinh",
        ["cosh"] = "cosh",
        ["tanh"] = "tanh",
        ["abs"] = "abs",
    };

    /// <summary>The names users may type, for error messages.</summary>
    public static IEnumerable<string> Names => Canonical.Keys;

    /// <summary>The canonical name of a function, or null when <paramref name="name"/> is none.</summary>
    public static string? Find(string name) => Canonical.GetValueOrDefault(name);

    public static double Apply(string name, double a) => Function(name)(a);

    /// <summary>The function with the canonical name <paramref name="name"/>.</summary>
    public static Func<double, double> Function(string name) =>
        Implementations.GetValueOrDefault(name) ?? throw new InvalidOperationException($"Unknown function {name}.");

    private static readonly Dictionary<string, Func<double, double>> Implementations = new(StringComparer.Ordinal)
    {
        ["exp"] = Math.Exp,
        ["ln"] = Math.Log,
        ["log10"] = Math.Log10,
        ["sqrt"] = Math.Sqrt,
        ["sin"] = Math.Sin,
        ["cos"] = Math.Cos,
        ["tan"] = Math.Tan,
        ["asin"] = Math.Asin,
        ["acos"] = Math.Acos,
        ["atan"] = Math.Atan,
        ["sinh"] = Math.Sinh,
        ["cosh"] = Math.Cosh,
        ["tanh"] = Math.Tanh,
        ["abs"] = Math.Abs,
    };
}
