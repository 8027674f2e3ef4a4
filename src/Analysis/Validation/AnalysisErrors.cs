using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>
/// Builds every <see cref="AnalysisException"/> the analysis throws, so each code has exactly one
/// wording in each language.
/// </summary>
internal static class AnalysisErrors
{
    public static AnalysisException UnknownExperiment(string id, IEnumerable<string> known) => new(
        AnalysisErrorCodes.UnknownExperiment,
        $"未知的实验“{id}”。可选：{string.Join("、", known)}。",
        $"Unknown experiment '{id}'. Known: {string.Join(", ", known)}.",
        InputField.Experiment.Path);

    public static AnalysisException UnknownModel(string kind, IEnumerable<string> accepted) => new(
        AnalysisErrorCodes.UnknownModel,
        $"不支持的模型“{kind}”。本实验可用：{string.Join("、", accepted)}。",
        $"Unsupported model '{kind}'. This experiment accepts: {string.Join(", ", accepted)}.",
        InputField.Model.Path);

    public static AnalysisException MissingColumn(InputField column) => new(
        AnalysisErrorCodes.MissingColumn,
        $"缺少{column.NameZh}。",
        $"Missing {column.NameEn}.",
        column.Path);

    public static AnalysisException UnknownColumn(InputField column, IEnumerable<string> known) => new(
        AnalysisErrorCodes.UnknownColumn,
        $"本实验没有{column.NameZh}。可用的列：{string.Join("、", known)}。",
        $"This experiment has no {column.NameEn}. Columns: {string.Join(", ", known)}.",
        column.Path);

    public static AnalysisException LengthMismatch(InputField column, int count, InputField other, int otherCount) => new(
        AnalysisErrorCodes.LengthMismatch,
        $"{column.NameZh}有 {count} 个数据点，而{other.NameZh}有 {otherCount} 个，数量必须一致。",
        $"{Capitalize(column.NameEn)} has {count} points but {other.NameEn} has {otherCount}; they must match.",
        column.Path);

    public static AnalysisException ErrorsLengthMismatch(InputField column, int errors, int points) => new(
        AnalysisErrorCodes.LengthMismatch,
        $"{column.NameZh}给出了 {errors} 个误差，应为 1 个或与数据点数相同（{points} 个）。",
        $"{Capitalize(column.NameEn)} gives {errors} errors; give one, or one per point ({points}).",
        column.Path);

    public static AnalysisException NotFinite(InputField field, string whatZh, string whatEn) => new(
        AnalysisErrorCodes.NotFinite,
        $"{field.NameZh}的{whatZh}不是有限数（NaN 或 ∞）。",
        $"{Capitalize(field.NameEn)} has a {whatEn} that is not a finite number (NaN or ∞).",
        field.Path);

    public static AnalysisException TooFewPoints(InputField column, int count, int needed, string modelZh, string modelEn) => new(
        AnalysisErrorCodes.TooFewPoints,
        $"{column.NameZh}只有 {count} 个数据点；{modelZh}至少需要 {needed} 个（拟合后还要留下自由度来估计不确定度）。",
        $"{Capitalize(column.NameEn)} has only {count} points; {modelEn} needs at least {needed} (to leave a degree of freedom for the uncertainty).",
        column.Path);

    public static AnalysisException NonPositiveValue(InputField field, double value) => new(
        AnalysisErrorCodes.NonPositiveValue,
        $"{field.NameZh}的值必须大于 0，但给出了 {Format(value)}。",
        $"{Capitalize(field.NameEn)} must be greater than 0, got {Format(value)}.",
        field.Path);

    /// <summary>A reading of a column that must be positive, naming the point (and reading) at fault.</summary>
    public static AnalysisException NonPositiveReading(InputField column, double value, int point, int reading, bool repeated) => new(
        AnalysisErrorCodes.NonPositiveValue,
        $"{column.NameZh}的值必须大于 0，但{Where(point, reading, repeated, zh: true)}是 {Format(value)}。",
        $"{Capitalize(column.NameEn)} must be greater than 0, but {Where(point, reading, repeated, zh: false)} is {Format(value)}.",
        column.Path)
    { Point = point, Reading = repeated ? reading : null };

    /// <summary>A reading that is NaN or ∞, naming the point (and reading) at fault.</summary>
    public static AnalysisException NotFiniteReading(InputField column, int point, int reading, bool repeated) => new(
        AnalysisErrorCodes.NotFinite,
        $"{column.NameZh}{Where(point, reading, repeated, zh: true)}不是有限数（NaN 或 ∞）。",
        $"{Capitalize(column.NameEn)}: {Where(point, reading, repeated, zh: false)} is not a finite number (NaN or ∞).",
        column.Path)
    { Point = point, Reading = repeated ? reading : null };

    // "第 3 个数据点的第 2 次读数" / "reading 2 of point 3" (1-based, as a student counts).
    private static string Where(int point, int reading, bool repeated, bool zh) => (zh, repeated) switch
    {
        (true, true) => $"第 {point + 1} 个数据点的第 {reading + 1} 次读数",
        (true, false) => $"第 {point + 1} 个数据点",
        (false, true) => $"reading {reading + 1} of point {point + 1}",
        (false, false) => $"point {point + 1}",
    };

    public static AnalysisException EmptyColumn(InputField column) => new(
        AnalysisErrorCodes.EmptyReadings,
        $"{column.NameZh}没有数据。",
        $"{Capitalize(column.NameEn)} has no data.",
        column.Path);

    public static AnalysisException EmptyPoint(InputField column, int pointIndex) => new(
        AnalysisErrorCodes.EmptyReadings,
        $"{column.NameZh}的第 {pointIndex + 1} 个数据点没有读数。",
        $"Point {pointIndex + 1} of {column.NameEn} has no readings.",
        column.Path)
    { Point = pointIndex };

    public static AnalysisException RepeatedReadings(InputField column, int pointIndex) => new(
        AnalysisErrorCodes.RepeatedReadingsNotAllowed,
        $"{column.NameZh}每个数据点只能有一个读数，但第 {pointIndex + 1} 个数据点有多个。",
        $"{Capitalize(column.NameEn)} takes one reading per point, but point {pointIndex + 1} has several.",
        column.Path)
    { Point = pointIndex };

    public static AnalysisException NegativeError(InputField field, string whatZh, string whatEn) => new(
        AnalysisErrorCodes.NegativeError,
        $"{field.NameZh}的{whatZh}不能为负。",
        $"The {whatEn} of {field.NameEn} must not be negative.",
        field.Path);

    public static AnalysisException UnknownUnit(InputField field, string unit) => new(
        AnalysisErrorCodes.UnknownUnit,
        $"无法识别{field.NameZh}的单位“{unit}”。",
        $"Unknown unit '{unit}' for {field.NameEn}.",
        field.Path);

    public static AnalysisException IncompatibleUnit(InputField field, string unit, string expected) => new(
        AnalysisErrorCodes.IncompatibleUnit,
        $"{field.NameZh}的单位“{unit}”无法换算为 {expected}。",
        $"The unit '{unit}' of {field.NameEn} cannot be converted to {expected}.",
        field.Path);

    public static AnalysisException MissingConstant(InputField constant) => new(
        AnalysisErrorCodes.MissingConstant,
        $"缺少{constant.NameZh}。",
        $"Missing {constant.NameEn}.",
        constant.Path);

    public static AnalysisException UnknownConstant(InputField constant, IEnumerable<string> known)
    {
        var list = known.ToList();
        var zhList = list.Count == 0 ? "本实验不需要常量" : $"可用的常量：{string.Join("、", list)}";
        var enList = list.Count == 0 ? "This experiment takes no constants" : $"Constants: {string.Join(", ", list)}";
        return new(
            AnalysisErrorCodes.UnknownConstant,
            $"本实验没有{constant.NameZh}。{zhList}。",
            $"This experiment has no {constant.NameEn}. {enList}.",
            constant.Path);
    }

    public static AnalysisException DegenerateX(InputField column, bool throughOrigin) => new(
        AnalysisErrorCodes.DegenerateX,
        throughOrigin
            ? $"{column.NameZh}的值全为 0，无法拟合过原点的直线。"
            : $"{column.NameZh}的值全部相同，无法拟合直线的斜率。",
        throughOrigin
            ? $"All values of {column.NameEn} are 0; a line through the origin cannot be fitted."
            : $"All values of {column.NameEn} are equal; no slope can be fitted.",
        column.Path);

    public static AnalysisException NonPhysicalSlope(InputField column, string explanationZh, string explanationEn) => new(
        AnalysisErrorCodes.NonPhysicalSlope,
        explanationZh,
        explanationEn,
        column.Path);

    public static AnalysisException InvalidExpression(int position, string detailZh, string detailEn) => new(
        AnalysisErrorCodes.InvalidExpression,
        $"模型表达式有误（第 {position} 个字符）：{detailZh}。",
        $"Invalid model expression at position {position}: {detailEn}.",
        "model.expression");

    public static AnalysisException InvalidInitialGuess(string detailZh, string detailEn) => new(
        AnalysisErrorCodes.InvalidInitialGuess,
        $"初始值有误：{detailZh}。",
        $"Invalid initial guess: {detailEn}.",
        "model.initial");

    public static AnalysisException InvalidDegree(int? degree) => new(
        AnalysisErrorCodes.InvalidDegree,
        $"多项式次数必须是 1 到 10 之间的整数，但给出了 {degree?.ToString(CultureInfo.InvariantCulture) ?? "空"}。",
        $"The polynomial degree must be an integer from 1 to 10, got {degree?.ToString(CultureInfo.InvariantCulture) ?? "none"}.",
        InputField.Model.Path);

    public static AnalysisException FitDidNotConverge(string reasonZh, string reasonEn) => new(
        AnalysisErrorCodes.FitDidNotConverge,
        $"拟合没有收敛：{reasonZh}。请检查数据，或给出更接近的初始值。",
        $"The fit did not converge: {reasonEn}. Check the data or give closer initial guesses.",
        InputField.Model.Path);

    public static AnalysisException Custom(string code, InputField? field, string messageZh, string messageEn, bool capitalize = false) => new(
        code, messageZh, capitalize ? Capitalize(messageEn) : messageEn, field?.Path);

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
