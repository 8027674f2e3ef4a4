using LabCharts.Analysis;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;

namespace LabCharts.Jobs.Validation;

/// <summary>
/// Checks a request completely before it is accepted, so that every bad input is a 400 at submission
/// and never a half-written record: the plumbing's own limits here, the physics' in
/// <see cref="ExperimentCatalog.Validate"/> (no fit). The worker runs the same code on what it reads back.
/// </summary>
public static class JobRequestValidator
{
    private const int MaxTitleLength = 120;
    private const int MaxPoints = 10_000;
    private const int MinSide = 300;
    private const int MaxSide = 4000;
    private const double MaxScale = 4;

    /// <summary>Validates and converts; throws <see cref="ProblemException"/> on the first problem.</summary>
    public static ValidatedJob Validate(JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Experiment))
        {
            throw new ProblemException(ProblemCatalog.MissingField("experiment"));
        }
        if (request.Data is null || request.Data.Count == 0)
        {
            throw new ProblemException(ProblemCatalog.MissingField("data"));
        }
        if (request.Title is { Length: > MaxTitleLength })
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("title",
                $"标题最多 {MaxTitleLength} 个字符。", $"a title has at most {MaxTitleLength} characters."));
        }

        var columns = new Dictionary<string, ColumnInput>(StringComparer.Ordinal);
        foreach (var (key, column) in request.Data)
        {
            columns[key] = ToColumnInput(key, column ?? throw new ProblemException(ProblemCatalog.NullValue($"data.{key}")));
        }
        var constants = new Dictionary<string, ConstantInput>(StringComparer.Ordinal);
        foreach (var (key, constant) in request.Constants ?? [])
        {
            if (constant is null)
            {
                throw new ProblemException(ProblemCatalog.NullValue($"constants.{key}"));
            }
            constants[key] = new ConstantInput(
                constant.Value ?? throw new ProblemException(ProblemCatalog.MissingField($"constants.{key}.value")),
                constant.Unit,
                constant.Uncertainty);
        }

        var input = new ExperimentInput
        {
            Experiment = request.Experiment.Trim(),
            Columns = columns,
            Constants = constants,
            Model = request.Model is { } model
                ? new ModelSpec(model.Kind, model.Degree, model.Expression, model.Initial)
                : null,
            Title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim(),
            Rounding = ParseRounding(request.Options?.Rounding),
            Options = ExperimentOptions(request.Options),
            Method = ParseMethod(request.Options?.Method),
            Compare = request.Options?.Compare ?? false,
            Uncertainty = ParseUncertainty(request.Options?.Uncertainty),
            Outliers = ParseOutliers(request.Options),
        };

        try
        {
            var validated = ExperimentCatalog.Validate(input);
            return new ValidatedJob(validated, ValidateRender(request.Render));
        }
        catch (AnalysisException error)
        {
            throw new ProblemException(ProblemCatalog.FromAnalysis(error), error);
        }
    }

    private static ColumnInput ToColumnInput(string key, ColumnData column)
    {
        if (column.Values is null)
        {
            throw new ProblemException(ProblemCatalog.MissingField($"data.{key}.values"));
        }
        if (column.Values.Count > MaxPoints || column.Values.Sum(point => point.Count) > 10 * MaxPoints)
        {
            throw new ProblemException(ProblemCatalog.InvalidValue($"data.{key}.values",
                $"最多 {MaxPoints} 个数据点。", $"at most {MaxPoints} points are accepted."));
        }
        return new ColumnInput
        {
            Readings = column.Values,
            Unit = string.IsNullOrWhiteSpace(column.Unit) ? null : column.Unit.Trim(),
            Errors = column.Errors,
            InstrumentError = column.InstrumentError,
            Label = column.Label,
        };
    }

    private static Dictionary<string, string> ExperimentOptions(JobOptions? options)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in options?.Experiment ?? [])
        {
            result[name] = value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => value.GetString()!,
                System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.GetRawText(),
                _ => throw new ProblemException(ProblemCatalog.InvalidValue($"options.{name}",
                    "选项的值须为字符串、数字或布尔值。", "an option's value must be a string, number or boolean.")),
            };
        }
        return result;
    }

    private static UncertaintyRounding ParseRounding(string? rounding) => rounding?.Trim().ToLowerInvariant() switch
    {
        null or "" or "halfeven" or "half_even" => UncertaintyRounding.HalfEven,
        "up" => UncertaintyRounding.Up,
        _ => throw new ProblemException(ProblemCatalog.InvalidValue("options.rounding",
            "可选值为 halfEven（四舍六入五凑偶）或 up（只进不舍）。", "use halfEven or up.")),
    };

    private static LineMethod ParseMethod(string? method) => LineMethods.TryParse(method, out var parsed)
        ? parsed
        : throw new ProblemException(ProblemCatalog.InvalidValue("options.method",
            "可选值为 least_squares（最小二乘法）或 successive_differences（逐差法）。", "use least_squares or successive_differences."));

    private static UncertaintyConvention ParseUncertainty(UncertaintyData? data)
    {
        if (data is null)
        {
            return UncertaintyConvention.Default;
        }

        var studentT = data.TypeA?.Trim().ToLowerInvariant() switch
        {
            null or "" or "plain" => false,
            "t" => true,
            _ => throw new ProblemException(ProblemCatalog.InvalidValue("options.uncertainty.typeA",
                "可选值为 plain（s/√n）或 t（t 因子）。", "use plain (s/√n) or t (the t factor).")),
        };
        if (data.Level is { } level && !(level is >= 0.5 and < 1))
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("options.uncertainty.level",
                "置信概率须在 0.5 到 1 之间（不含 1），例如 0.683 或 0.95。", "the level of confidence must be from 0.5 to below 1, e.g. 0.683 or 0.95."));
        }
        if (data.K is { } k && !(k is >= 1 and <= 10))
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("options.uncertainty.k",
                "包含因子 k 须在 1 到 10 之间，例如 2。", "the coverage factor k must be from 1 to 10, e.g. 2."));
        }

        if (studentT && (data.Expanded == true || data.K is not null))
        {
            // u_A would carry t_p and then U = k·u_C a coverage factor again: the level counted twice.
            throw new ProblemException(ProblemCatalog.InvalidValue(data.K is not null ? "options.uncertainty.k" : "options.uncertainty.expanded",
                "t 因子（typeA: t）与扩展不确定度（expanded、k）只能选一种：t 因子已按置信概率放大了 A 类不确定度。",
                "use either the t factor (typeA: t) or an expanded uncertainty (expanded, k): the t factor already widens type A to the level."));
        }

        var expanded = data.Expanded ?? (!studentT && (data.Level is not null || data.K is not null));
        return new UncertaintyConvention
        {
            TypeA = studentT ? TypeAEstimate.StudentT : TypeAEstimate.Plain,
            TypeALevel = studentT ? data.Level ?? UncertaintyConvention.StandardLevel : UncertaintyConvention.StandardLevel,
            ExpandedLevel = expanded ? data.Level ?? 0.95 : null,
            CoverageFactor = expanded ? data.K : null,
        };
    }

    private static OutlierPolicy ParseOutliers(JobOptions? options)
    {
        if (options is null)
        {
            return OutlierPolicy.Default;
        }

        OutlierTest? test = OutlierPolicy.Default.Test;
        if (options.Outliers is { } name)
        {
            test = string.Equals(name.Trim(), "none", StringComparison.OrdinalIgnoreCase) ? null
                : Analysis.Outliers.TryParse(name, out var parsed) ? parsed
                : throw new ProblemException(ProblemCatalog.InvalidValue("options.outliers",
                    "可选值为 grubbs（格拉布斯）、three_sigma（3σ/拉依达）、chauvenet（肖维勒）或 none。", "use grubbs, three_sigma, chauvenet or none."));
        }
        if (options.OutlierAlpha is { } alpha && !(alpha is > 0 and <= 0.5))
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("options.outlierAlpha",
                "显著性水平须在 0 到 0.5 之间，例如 0.05 或 0.01。", "the significance level must be above 0 and at most 0.5, e.g. 0.05 or 0.01."));
        }
        return new OutlierPolicy { Test = test, Alpha = options.OutlierAlpha ?? 0.05, Exclude = options.ExcludeOutliers ?? false };
    }

    private static RenderPlan ValidateRender(RenderData? render)
    {
        if (render is null)
        {
            return RenderPlan.Default;
        }

        var formats = new List<ChartFormat>();
        foreach (var name in render.Formats ?? ["png"])
        {
            if (!ChartNames.TryParseFormat(name, out var format))
            {
                throw new ProblemException(ProblemCatalog.InvalidValue("render.formats",
                    "格式只能是 png、svg 或 pdf。", "formats are png, svg or pdf."));
            }
            if (!formats.Contains(format))
            {
                formats.Add(format);
            }
        }

        var width = render.Width ?? RenderPlan.Default.Width;
        var height = render.Height ?? RenderPlan.Default.Height;
        if (width is < MinSide or > MaxSide || height is < MinSide or > MaxSide)
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("render",
                $"宽和高须在 {MinSide}–{MaxSide} 像素之间。", $"width and height must be {MinSide}–{MaxSide} pixels."));
        }
        var scale = render.Scale ?? 1;
        if (!double.IsFinite(scale) || scale < 0.5 || scale > MaxScale || width * height * scale * scale > 36_000_000)
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("render.scale",
                $"缩放倍数须在 0.5–{MaxScale} 之间，且图片不超过 3600 万像素。",
                $"scale must be 0.5–{MaxScale} and the image at most 36 megapixels."));
        }
        if (!ChartNames.TryParseTheme(render.Theme ?? "default", out var theme))
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("render.theme",
                "主题只能是 default 或 bw（黑白）。", "theme is default or bw (black and white)."));
        }
        return new RenderPlan(formats, width, height, scale, theme) { Report = render.Report ?? false };
    }
}
