using System.Globalization;
using LabCharts.Analysis;
using LabCharts.Rendering;

namespace LabCharts.Processing.Reports;

/// <summary>
/// The 数据处理 section of a lab report as a document (artifact <c>report</c>, an A4 PDF): the processed
/// data, the fitted points, the method with its formulas (and the 逐差法 working), the fit, the uncertainty
/// budget of every quantity, the result lines, notes, and the chart. Everything a student sees is Chinese;
/// every number goes through the lab rounding rule.
/// </summary>
public static class LabReport
{
    /// <summary>Builds the document for <paramref name="analysis"/> of <paramref name="input"/>.</summary>
    public static ReportDocument Build(ExperimentInput input, AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(analysis);
        var experiment = ExperimentCatalog.Get(input.Experiment).Definition;
        var rounding = input.Rounding;
        var blocks = new List<ReportBlock>();
        var section = 0;
        string Heading(string text) => $"{++section}. {text}";

        var data = analysis.Data;
        if (data is not null && (data.Columns.Count > 0 || data.Fitted.Points.Count > 0))
        {
            blocks.Add(new ReportHeading(Heading("数据表")));
            blocks.Add(new ReportParagraph(ConventionMarkup(analysis.Convention) + "。"));
            blocks.Add(DataTable(data, rounding));
            if (data.Fitted.Points.Any(p => p.Flagged))
            {
                blocks.Add(new ReportParagraph("* |标准化残差| &gt; 3 的点为可疑点，图中以空心符号标出，仍参与拟合。"));
            }

            if (analysis.Outliers.Count > 0)
            {
                blocks.Add(new ReportParagraph("可疑读数：" + string.Join("；", analysis.Outliers.Select(o =>
                    $"{Esc(o.Field)} 第 {o.Point + 1} 点第 {o.Reading + 1} 个读数 {ReportNumbers.Markup(o.Value)}（{TestName(o.Test)}，统计量 {o.Statistic:0.###}，临界值 {o.Critical:0.###}，{(o.Excluded ? "已剔除" : "未剔除")}）")) + "。"));
            }
        }

        // The chart (titled itself) right after the data it shows, flatter than the 4:3 PNG so that typical data fit one page.
        blocks.Add(new ReportChart { Chart = AnalysisChartMapper.Compose(analysis.Chart), AspectRatio = ChartAspectRatio });

        blocks.Add(new ReportHeading(Heading("拟合")));
        var fit = analysis.Fit;
        blocks.Add(new ReportParagraph($"模型：{Esc(fit.Model)}；方法：{MethodName(analysis)}；" + string.Create(CultureInfo.InvariantCulture,
            $"<i>R</i><sup>2</sup> = {fit.RSquared:G7}，χ<sup>2</sup> = {ReportNumbers.Markup(fit.ChiSquared)}，自由度 {fit.DegreesOfFreedom}{(fit.ReducedChiSquared is { } reduced ? $"，χ<sup>2</sup>/ν = {ReportNumbers.Markup(reduced)}" : "")}；误差处理：{(fit.ErrorScaling == "absolute" ? "按各点不确定度加权" : "由残差估计")}。")));

        if (analysis.Differences is { } working)
        {
            var m = working.Pairs.Count;
            blocks.Add(new ReportParagraph(
                $"逐差法：第 <i>i</i> 点与第 <i>i</i> + {m} 点配对，δ<sub><i>i</i></sub> = <i>y</i><sub><i>i</i>+{m}</sub> − <i>y</i><sub><i>i</i></sub>，" +
                $"斜率 <i>k</i> = δ̄/({m}·<i>h</i>)，<i>h</i> = {ReportNumbers.Markup(working.Step)}{UnitOf(data?.Fitted.XLabel).Replace(" / ", " ", StringComparison.Ordinal)}；" +
                $"<i>u</i><sub>A</sub> = <i>s</i><sub>δ</sub>/√{m}，<i>u</i><sub>B</sub> = Δ<sub>仪</sub>/√3，<i>u</i>(δ̄) = √(<i>u</i><sub>A</sub><sup>2</sup> + <i>u</i><sub>B</sub><sup>2</sup>)。"));
            var (mean, combined) = ReportNumbers.Markup(working.Mean, working.Combined, rounding);
            var (slope, slopeU) = ReportNumbers.Markup(working.Slope, working.SlopeUncertainty, rounding);
            blocks.Add(new ReportTable
            {
                Caption = "逐差",
                Header = ["配对", "δ<sub><i>i</i></sub>" + UnitOf(data?.Fitted.YLabel)],
                Rows = [.. working.Pairs.Select(p => (IReadOnlyList<string>)[$"{p.Second} − {p.First}", ReportNumbers.Markup(p.Difference, working.Combined, rounding).Value]),
                    ["δ̄", mean], ["<i>s</i><sub>δ</sub>", ReportNumbers.UncertaintyMarkup(working.StandardDeviation, rounding)],
                    ["<i>u</i><sub>A</sub>", ReportNumbers.UncertaintyMarkup(working.TypeA, rounding)],
                    ["<i>u</i><sub>B</sub>", ReportNumbers.UncertaintyMarkup(working.TypeB, rounding)],
                    ["<i>u</i>(δ̄)", combined], ["<i>k</i> ± <i>u</i>(<i>k</i>)", $"{slope} ± {slopeU}"]],
                Alignments = [ReportAlign.Center, ReportAlign.Right],
            });
        }

        blocks.Add(new ReportTable
        {
            Header = ["参数", "值", "标准不确定度", "单位"],
            Rows = [.. analysis.Fit.Parameters.Select(p =>
            {
                var (value, error) = ReportNumbers.Markup(p.Value, p.StandardError, rounding);
                return (IReadOnlyList<string>)[Esc(p.Name), value, error, Esc(p.Unit)];
            })],
            Alignments = [ReportAlign.Center, ReportAlign.Right, ReportAlign.Right, ReportAlign.Left],
        });
        var budgets = analysis.Quantities.Where(q => q.Budget is { Terms.Count: > 0 }).ToList();
        if (budgets.Count > 0)
        {
            blocks.Add(new ReportHeading(Heading("不确定度与结果")));
            foreach (var quantity in budgets)
            {
                var budget = quantity.Budget!;
                blocks.Add(new ReportTable
                {
                    Caption = $"{quantity.Name}：{budget.Formula}",
                    Header = ["输入量", "值", "标准不确定度", "灵敏系数 <i>c</i>", "贡献 |<i>c</i>|·<i>u</i>"],
                    Rows = [.. budget.Terms.Select(term => term.Kind == "correlation"
                        ? (IReadOnlyList<string>)[$"相关项 {Esc(term.Symbol)}", "", "", "", "2<i>c</i><sub>k</sub><i>c</i><sub>c</sub>cov = " + ReportNumbers.Markup(term.Contribution)]
                        : [Esc(term.Symbol) + (term.Unit.Length > 0 ? " / " + Esc(term.Unit) : ""),
                           ReportNumbers.Markup(term.Value, term.Uncertainty, rounding).Value,
                           ReportNumbers.UncertaintyMarkup(term.Uncertainty, rounding),
                           ReportNumbers.Markup(term.Sensitivity), ReportNumbers.Markup(term.Contribution)]),
                        ["合成 <i>u</i><sub>C</sub>", "", "", "", ReportNumbers.UncertaintyMarkup(quantity.Uncertainty, rounding) + (quantity.Unit.Length > 0 ? " " + Esc(quantity.Unit) : "")]],
                    Alignments = [ReportAlign.Left, ReportAlign.Right, ReportAlign.Right, ReportAlign.Right, ReportAlign.Right],
                });
                if (budget.Expanded is { } expanded)
                {
                    blocks.Add(new ReportParagraph(string.Create(CultureInfo.InvariantCulture,
                        $"扩展不确定度 <i>U</i> = <i>k</i>·<i>u</i><sub>C</sub> = {ReportNumbers.UncertaintyMarkup(expanded.Uncertainty, rounding)}，<i>k</i> = {expanded.K:0.###}（P = {expanded.Level:0.###}{(budget.EffectiveDegreesOfFreedom is { } nu ? $"，ν<sub>eff</sub> = {nu:0.#}" : "")}）。")));
                }
            }
        }

        if (budgets.Count == 0)
        {
            blocks.Add(new ReportHeading(Heading("结果")));
        }
        foreach (var quantity in analysis.Quantities)
        {
            var line = Esc(quantity.Formatted);
            if (quantity.RelativeUncertainty is { } relative)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"，相对不确定度 {relative * 100:0.0#}%");
            }

            if (quantity.RelativeError is { } error)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"，与参考值相对误差 {error * 100:0.0#}%");
            }

            blocks.Add(new ReportParagraph($"<b>{line}</b>"));
        }

        foreach (var note in analysis.Notes)
        {
            blocks.Add(new ReportParagraph("注：" + Esc(note.Message)));
        }

        if (analysis.Comparison is { } comparison)
        {
            blocks.Add(new ReportParagraph("两种方法的比较：" + string.Join("；", comparison.Select(c =>
                $"{(c.Method == "successive_differences" ? "逐差法" : "最小二乘法")} " + string.Join("，", c.Quantities.Select(q => Esc(q.Formatted))))) + "。"));
        }

        return new ReportDocument
        {
            Title = $"{analysis.Chart.Title} — 数据处理",
            Subtitle = $"{experiment.NameZh}（{experiment.Id}），LabCharts 生成",
            Blocks = blocks,
        };
    }

    /// <summary>
    /// One table of the points: per measured column its mean and the uncertainties that are not all zero
    /// (u_A, u_B and, when both are, u_C), the number of readings when it is not 1; then the fitted y
    /// (and x, when it is not one of the columns) with u(y), the residual and the standardized residual.
    /// </summary>
    private static ReportTable DataTable(ProcessedData data, UncertaintyRounding rounding)
    {
        var rows = Math.Max(data.Columns.Count == 0 ? 0 : data.Columns.Max(c => c.Points.Count), data.Fitted.Points.Count);
        var header = new List<string> { "序号" };
        var cells = Enumerable.Range(0, rows).Select(i => new List<string> { Index(i) }).ToList();
        void Add(string title, Func<int, string> cell)
        {
            header.Add(title);
            for (var i = 0; i < rows; i++)
            {
                cells[i].Add(cell(i));
            }
        }

        foreach (var column in data.Columns)
        {
            var points = column.Points;
            var symbol = $"<i>{Esc(column.Key)}</i>";
            var unit = column.Unit.Length > 0 ? " / " + Esc(column.Unit) : "";
            ProcessedPoint? At(int i) => i < points.Count ? points[i] : null;
            var (typeA, typeB) = (points.Any(p => p.TypeA > 0), points.Any(p => p.TypeB > 0));
            if (points.Any(p => p.Readings != 1))
            {
                Add($"{symbol} 次数", i => At(i)?.Readings.ToString(CultureInfo.InvariantCulture) ?? "");
            }

            Add((points.Any(p => p.Readings > 1) ? $"<span>{symbol}̄</span>" : symbol) + unit, i => At(i) is { } p ? ReportNumbers.Markup(p.Mean, p.Combined, rounding).Value : "");
            if (typeA)
            {
                Add($"<i>u</i><sub>A</sub>({symbol}){unit}", i => At(i) is { } p ? ReportNumbers.UncertaintyMarkup(p.TypeA, rounding) : "");
            }

            if (typeB)
            {
                Add($"<i>u</i><sub>B</sub>({symbol}){unit}", i => At(i) is { } p ? ReportNumbers.UncertaintyMarkup(p.TypeB, rounding) : "");
            }

            if (typeA && typeB)
            {
                Add($"<i>u</i><sub>C</sub>({symbol}){unit}", i => At(i) is { } p ? ReportNumbers.UncertaintyMarkup(p.Combined, rounding) : "");
            }
        }

        var fitted = data.Fitted.Points;
        if (fitted.Count > 0)
        {
            FittedPoint? At(int i) => i < fitted.Count ? fitted[i] : null;
            if (!data.Columns.Any(c => Same(c.Points.Select(p => p.Mean), fitted.Select(p => p.X))))
            {
                Add(Esc(data.Fitted.XLabel), i => At(i) is { } p ? ReportNumbers.Markup(p.X, p.XUncertainty, rounding).Value : "");
            }

            if (!data.Columns.Any(c => Same(c.Points.Select(p => p.Mean), fitted.Select(p => p.Y))))
            {
                Add(Esc(data.Fitted.YLabel), i => At(i) is { } p ? ReportNumbers.Markup(p.Y, p.YUncertainty, rounding).Value : "");
                Add("<i>u</i>(<i>y</i>)", i => At(i) is { } p ? ReportNumbers.UncertaintyMarkup(p.YUncertainty, rounding) : "");
            }

            Add("残差", i => At(i) is { } p ? ReportNumbers.Markup(p.Residual) : "");
            Add("标准化残差", i => At(i) is { } p && p.StandardizedResidual is { } z
                ? z.ToString("0.00", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal) + (p.Flagged ? " *" : "")
                : "—");
        }

        return new ReportTable
        {
            Header = header,
            Rows = [.. cells],
            Alignments = [ReportAlign.Center, .. Enumerable.Repeat(ReportAlign.Right, header.Count - 1)],
        };
    }

    private static bool Same(IEnumerable<double> a, IEnumerable<double> b) =>
        a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= 1e-12 * Math.Max(Math.Abs(p.First), Math.Abs(p.Second))) && a.Count() == b.Count();

    // The convention's plain u_A, u_C, t_p, ν_eff, Δ仪 as markup with subscripts.
    private static string ConventionMarkup(string convention) => Esc(convention)
        .Replace("u_A", "<i>u</i><sub>A</sub>", StringComparison.Ordinal)
        .Replace("u_B", "<i>u</i><sub>B</sub>", StringComparison.Ordinal)
        .Replace("u_C", "<i>u</i><sub>C</sub>", StringComparison.Ordinal)
        .Replace("t_p", "<i>t</i><sub>p</sub>", StringComparison.Ordinal)
        .Replace("ν_eff", "ν<sub>eff</sub>", StringComparison.Ordinal)
        .Replace("Δ仪", "Δ<sub>仪</sub>", StringComparison.Ordinal);

    private const double ChartAspectRatio = 0.44;

    private static string Index(int i) => (i + 1).ToString(CultureInfo.InvariantCulture);

    private static string Esc(string text) => PangoMarkup.Escape(text);

    // " / m" of a plain "标尺读数 n / m" label, escaped; "" without a unit.
    private static string UnitOf(string? label) =>
        label?.LastIndexOf(" / ", StringComparison.Ordinal) is int slash and >= 0 ? Esc(label[slash..]) : "";

    private static string MethodName(AnalysisResult analysis) => analysis.Differences is not null && analysis.Fit.Method == SuccessiveDifferencesMethod
        ? "逐差法"
        : analysis.Fit.Method switch
        {
            "linear least squares (QR)" => "最小二乘法（QR 分解）",
            "Levenberg–Marquardt" => "非线性最小二乘（Levenberg–Marquardt）",
            "York" => "York 回归（x、y 均有误差）",
            { } other => Esc(other),
            null => "最小二乘法",
        };

    private const string SuccessiveDifferencesMethod = "successive differences (逐差法)";

    private static string TestName(string test) => test switch
    {
        "grubbs" => "格拉布斯准则",
        "three_sigma" => "3σ 准则",
        _ => "肖维勒准则",
    };
}
