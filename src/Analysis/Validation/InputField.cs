namespace LabCharts.Analysis;

/// <summary>
/// A field of the request as error messages name it: its request path and how to call it in
/// Chinese and English (e.g. <c>data.T</c>, 列 T（周期）, column T (period)).
/// </summary>
internal sealed record InputField(string Path, string NameZh, string NameEn)
{
    public static InputField Column(string key, string? nameZh = null, string? nameEn = null) => new(
        $"data.{key}",
        nameZh is null ? $"列 {key}" : $"列 {key}（{nameZh}）",
        nameEn is null ? $"column {key}" : $"column {key} ({nameEn})");

    public static InputField Column(ColumnDefinition column) => Column(column.Key, column.NameZh, column.NameEn);

    public static InputField Constant(string key, string? nameZh = null, string? nameEn = null) => new(
        $"constants.{key}",
        nameZh is null ? $"常量 {key}" : $"常量 {key}（{nameZh}）",
        nameEn is null ? $"constant {key}" : $"constant {key} ({nameEn})");

    public static InputField Constant(ConstantDefinition constant) => Constant(constant.Key, constant.NameZh, constant.NameEn);

    public static InputField Model { get; } = new("model", "模型", "model");

    public static InputField Experiment { get; } = new("experiment", "实验", "experiment");
}
