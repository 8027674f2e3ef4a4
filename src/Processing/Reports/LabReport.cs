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
            blocks.AddRange(DataTables(data, rounding));
            if (data.Fitted.Points.Any(p => p.Flagged))
            {
                blocks.Add(new ReportParagraph("* |标准化残差| &gt; 3 的点为可疑点，图中以空心符号标出，仍参与拟合。"));
            }

            if (analysis.Outliers.Count > 0)
            {
                var shown = analysis.Outliers.Take(MaxOutliersListed).Select(o => string.Create(CultureInfo.InvariantCulture,
                    $"{ColumnName(data, o.Field)} 第 {o.Point + 1} 点第 {o.Reading + 1} 个读数 {ReportNumbers.Markup(o.Value, 0, rounding).Value}（{TestName(o.Test)}，{Statistic(o)}，{(o.Excluded ? "已剔除" : "未剔除")}）"));
                var more = analysis.Outliers.Count > MaxOutliersListed ? $"；共 {analysis.Outliers.Count} 个，全部列在结果的 outliers 中" : "";
                blocks.Add(new ReportParagraph("可疑读数：" + string.Join("；", shown) + more + "。"));
            }
        }

        // The chart (titled itself) right after the data it shows, flatter than the 4:3 PNG so that typical data fit one page.
        foreach (var (_, chart) in AnalysisChartMapper.ComposeAll(analysis.Chart))
        {
            blocks.Add(new ReportChart { Chart = chart, AspectRatio = ChartAspectRatio });
        }

        blocks.Add(new ReportHeading(Heading("拟合")));
        var fit = analysis.Fit;
        blocks.Add(new ReportParagraph($"模型：{Esc(fit.Model)}；方法：{MethodName(analysis)}；" + string.Create(CultureInfo.InvariantCulture,
            $"<i>R</i><sup>2</sup> = {fit.RSquared:G7}，χ<sup>2</sup> = {ReportNumbers.Markup(fit.ChiSquared)}，自由度 {fit.DegreesOfFreedom}{(fit.ReducedChiSquared is { } reduced ? $"，χ<sup>2</sup>/ν = {ReportNumbers.Markup(reduced)}" : "")}；{(analysis.Differences is not null ? "斜率的不确定度由逐差得出（见下表）" : fit.ErrorScaling == "absolute" ? "误差处理：按各点不确定度加权" : "误差处理：由残差估计")}。")));

        if (analysis.Differences is { } working)
        {
            var m = working.Pairs.Count;
            var typeA = input.Uncertainty.TypeA == TypeAEstimate.StudentT
                ? string.Create(CultureInfo.InvariantCulture, $"<i>t</i><sub>p</sub>({m - 1})·<i>s</i><sub>δ</sub>/√{m}（P = {input.Uncertainty.TypeALevel:0.###}）")
                : $"<i>s</i><sub>δ</sub>/√{m}";
            blocks.Add(new ReportParagraph(
                $"逐差法：第 <i>i</i> 点与第 <i>i</i> + {m} 点配对，δ<sub><i>i</i></sub> = <i>y</i><sub><i>i</i>+{m}</sub> − <i>y</i><sub><i>i</i></sub>，" +
                $"斜率 <i>k</i> = δ̄/({m}·<i>h</i>)，<i>h</i> = {ReportNumbers.Markup(working.Step, 0, rounding).Value}{UnitOf(data?.Fitted.XLabel).Replace(" / ", " ", StringComparison.Ordinal)}；" +
                $"<i>u</i><sub>A</sub> = {typeA}，<i>u</i><sub>B</sub> 为 <i>y</i> 一次读数的 B 类不确定度（Δ<sub>仪</sub>/√3），<i>u</i>(δ̄) = √(<i>u</i><sub>A</sub><sup>2</sup> + <i>u</i><sub>B</sub><sup>2</sup>)。"));
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
                    ["<i>u</i>(δ̄)", combined], ["<i>k</i> ± <i>u</i>(<i>k</i>)", $"{slope} ± {slopeU} {Esc(analysis.Fit.Parameters[0].Unit)}".TrimEnd()]],
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
                        ? (IReadOnlyList<string>)[$"相关项 {Esc(term.Symbol)}", "", "", "", "2<i>c</i><sub>i</sub><i>c</i><sub>j</sub>cov<sub>ij</sub> = " + ReportNumbers.Markup(term.Contribution)]
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
                        $"扩展不确定度 <i>U</i> = <i>k</i>·<i>u</i><sub>C</sub> = {ReportNumbers.UncertaintyMarkup(expanded.Uncertainty, rounding)}{(quantity.Unit.Length > 0 ? " " + Esc(quantity.Unit) : "")}，<i>k</i> = {expanded.K:0.###}（P = {expanded.Level:0.###}{(budget.EffectiveDegreesOfFreedom is { } nu ? $"，ν<sub>eff</sub> = {nu:0.#}" : "")}）。")));
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
                line += string.Create(CultureInfo.InvariantCulture, $"，相对标准不确定度 {relative * 100:0.0#}%");
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
                $"{(c.Method == LineMethods.SuccessiveDifferences ? "逐差法" : "最小二乘法")} " + string.Join("，", c.Quantities.Select(q => Esc(q.Formatted))))) + "。"));
        }

        return new ReportDocument
        {
            Title = $"{analysis.Chart.Title} — 数据处理",
            Subtitle = $"{experiment.NameZh}（{experiment.Id}），LabCharts 生成",
            Blocks = blocks,
        };
    }

    /// <summary>
    /// The points' tables: per measured column its mean and the uncertainties that are not all zero (u_A,
    /// u_B and, when both are, u_C), the number of readings when it is not 1; then the fitted y (and x, when
    /// it is not one of the columns) with u(y), the residual and the standardized residual — one table when
    /// the fit used the columns' points row by row, else two (Franck–Hertz fits the peaks, not the I–U record).
    /// At most <see cref="MaxTableRows"/> rows each; data.csv has them all.
    /// </summary>
    private static IEnumerable<ReportBlock> DataTables(ProcessedData data, UncertaintyRounding rounding)
    {
        var fitted = data.Fitted.Points;
        var together = data.Columns.All(c => c.Points.Count == fitted.Count);
        var table = new TableBuilder(data.Columns.Count == 0 ? fitted.Count : data.Columns.Max(c => c.Points.Count));
        foreach (var column in data.Columns)
        {
            AddColumn(table, column, rounding);
        }

        if (together)
        {
            AddFitted(table, data, rounding);
            return table.Blocks(null);
        }

        var second = new TableBuilder(fitted.Count);
        AddFitted(second, data, rounding);
        return [.. table.Blocks("测量数据"), .. second.Blocks("拟合所用数据")];
    }

    private static void AddColumn(TableBuilder table, ProcessedColumn column, UncertaintyRounding rounding)
    {
        var points = column.Points;
        var symbol = $"<i>{Esc(column.Key)}</i>";
        var unit = column.Unit.Length > 0 ? " / " + Esc(column.Unit) : "";
        ProcessedPoint? At(int i) => i < points.Count ? points[i] : null;
        var (typeA, typeB) = (points.Any(p => p.TypeA > 0), points.Any(p => p.TypeB > 0));
        if (points.Any(p => p.Readings != 1))
        {
            table.Add($"{symbol} 次数", i => At(i)?.Readings.ToString(CultureInfo.InvariantCulture) ?? "");
        }

        table.Add((points.Any(p => p.Readings > 1) ? $"{symbol}̄" : symbol) + unit, i => At(i) is { } p ? ReportNumbers.Markup(p.Mean, p.Combined, rounding).Value : "");
        if (typeA)
        {
            table.Add($"<i>u</i><sub>A</sub>({symbol}){unit}", i => At(i) is { } p ? ReportNumbers.UncertaintyMarkup(p.TypeA, rounding) : "");
        }

        if (typeB)
        {
            table.Add($"<i>u</i><sub>B</sub>({symbol}){unit}", i => At(i) is { } p ? ReportNumbers.UncertaintyMarkup(p.TypeB, rounding) : "");
        }

        if (typeA && typeB)
        {
            table.Add($"<i>u</i><sub>C</sub>({symbol}){unit}", i => At(i) is { } p ? ReportNumbers.UncertaintyMarkup(p.Combined, rounding) : "");
        }
    }

    private static void AddFitted(TableBuilder table, ProcessedData data, UncertaintyRounding rounding)
    {
        var fitted = data.Fitted.Points;
        if (fitted.Count == 0)
        {
            return;
        }

        FittedPoint? At(int i) => i < fitted.Count ? fitted[i] : null;
        if (!data.Columns.Any(c => Same(c.Points.Select(p => p.Mean), fitted.Select(p => p.X))))
        {
            table.Add(Esc(data.Fitted.XLabel), i => At(i) is { } p ? ReportNumbers.Markup(p.X, p.XUncertainty, rounding).Value : "");
        }

        if (!data.Columns.Any(c => Same(c.Points.Select(p => p.Mean), fitted.Select(p => p.Y))))
        {
            table.Add(Esc(data.Fitted.YLabel), i => At(i) is { } p ? ReportNumbers.Markup(p.Y, p.YUncertainty, rounding).Value : "");
            table.Add("<i>u</i>(<i>y</i>)", i => At(i) is { } p ? ReportNumbers.UncertaintyMarkup(p.YUncertainty, rounding) : "");
        }

        table.Add("残差", i => At(i) is { } p ? ReportNumbers.Markup(p.Residual) : "");
        table.Add("标准化残差", i => At(i) is { } p && p.StandardizedResidual is { } z
            ? z.ToString("0.00", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal) + (p.Flagged ? " *" : "")
            : "—");
    }

    /// <summary>A table built column by column (序号 first), cut to <see cref="MaxTableRows"/> rows with a note.</summary>
    private sealed class TableBuilder
    {
        private readonly int _rows;
        private readonly List<string> _header = ["序号"];
        private readonly List<List<string>> _cells;

        public TableBuilder(int rows)
        {
            _rows = rows;
            _cells = [.. Enumerable.Range(0, Math.Min(rows, MaxTableRows)).Select(i => new List<string> { Index(i) })];
        }

        public void Add(string title, Func<int, string> cell)
        {
            _header.Add(title);
            for (var i = 0; i < _cells.Count; i++)
            {
                _cells[i].Add(cell(i));
            }
        }

        public IEnumerable<ReportBlock> Blocks(string? caption)
        {
            if (_header.Count == 1)
            {
                yield break;
            }

            yield return new ReportTable
            {
                Caption = caption,
                Header = _header,
                Rows = [.. _cells],
                Alignments = [ReportAlign.Center, .. Enumerable.Repeat(ReportAlign.Right, _header.Count - 1)],
            };
            if (_rows > MaxTableRows)
            {
                yield return new ReportParagraph($"表中只列出前 {MaxTableRows} 行（共 {_rows} 行），完整数据见 data.csv。");
            }
        }
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

    /// <summary>Rows of one table in the PDF; the CSV has every point.</summary>
    public const int MaxTableRows = 100;

    /// <summary>Flagged readings named in the PDF; the result lists every one.</summary>
    public const int MaxOutliersListed = 20;

    // "data.T" → "T（周期）".
    private static string ColumnName(ProcessedData data, string field) =>
        data.Columns.FirstOrDefault(c => "data." + c.Key == field) is { } column ? $"{Esc(column.Key)}（{Esc(column.Name)}）" : Esc(field);

    private static string Statistic(ReadingOutlier outlier) => outlier.Test == Outliers.Name(OutlierTest.Chauvenet)
        ? string.Create(CultureInfo.InvariantCulture, $"n·P = {outlier.Statistic:0.###} &lt; {outlier.Critical:0.###}")
        : string.Create(CultureInfo.InvariantCulture, $"统计量 {outlier.Statistic:0.###} &gt; 临界值 {outlier.Critical:0.###}");

    private static string Index(int i) => (i + 1).ToString(CultureInfo.InvariantCulture);

    private static string Esc(string text) => PangoMarkup.Escape(text);

    // " / m" of a plain "标尺读数 n / m" label, escaped; "" without a unit.
    private static string UnitOf(string? label) =>
        label?.LastIndexOf(" / ", StringComparison.Ordinal) is int slash and >= 0 ? Esc(label[slash..]) : "";

    private static string MethodName(AnalysisResult analysis) => analysis.Fit.Method == LineMethods.SuccessiveDifferencesDescription
        ? "逐差法"
        : analysis.Fit.Method switch
        {
            "linear least squares (QR)" => "最小二乘法（QR 分解）",
            "Levenberg–Marquardt" => "非线性最小二乘（Levenberg–Marquardt）",
            "York" => "York 回归（x、y 均有误差）",
            { } other => Esc(other),
            null => "最小二乘法",
        };

    private static string TestName(string test) =>
        test == Outliers.Name(OutlierTest.Grubbs) ? "格拉布斯准则" : test == Outliers.Name(OutlierTest.ThreeSigma) ? "3σ 准则" : "肖维勒准则";
}
