using System.Text;
using LabCharts.Analysis;
using LabCharts.Api.Tests.Infrastructure;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Validation;
using LabCharts.Processing.Reports;
using LabCharts.Processing;
using LabCharts.Rendering;
using LabCharts.Tests;

namespace LabCharts.Api.Tests.Jobs;

/// <summary>
/// <c>"render": {"report": true}</c>: the 数据处理 PDF (read back with pdftotext, page 1 rendered with pdftoppm,
/// every laid-out box apart from the others) and the processed-data CSV (read with Python's csv module).
/// </summary>
public sealed class LabReportArtifactTests : IDisposable
{
    private static readonly string Output = Path.Combine(Path.GetTempPath(), "labcharts-report-tests");
    private readonly ChartRenderer _renderer = new(ChartRenderer.DefaultFontsDirectory);

    public LabReportArtifactTests() => Directory.CreateDirectory(Output);

    public void Dispose() => _renderer.Dispose();

    // The published Young's modulus data of SuccessiveDifferencesTests (squarezhong/PHY104B), by 逐差法 with an expanded uncertainty.
    private const string YoungRequest = """
        {
          "experiment": "young_modulus",
          "data": {
            "m": { "values": [1, 2, 3, 4, 5, 6, 7, 8], "unit": "kg" },
            "n": { "values": [[0.20, 0.20], [0.80, 0.81], [1.39, 1.40], [1.96, 2.00], [2.51, 2.55], [3.08, 3.10], [3.60, 3.61], [4.15, 4.18]],
                   "unit": "cm", "instrumentError": 0.05 }
          },
          "constants": {
            "L": { "value": 80.35, "unit": "cm", "uncertainty": 0.0029 }, "D": { "value": 130.00, "unit": "cm", "uncertainty": 0.0029 },
            "b": { "value": 7.50, "unit": "cm", "uncertainty": 0.0029 }, "d": { "value": 0.598167, "unit": "mm", "uncertainty": 0.0029 },
            "g": { "value": 9.7887, "unit": "m/s^2" }
          },
          "options": { "method": "successive_differences", "compare": true, "uncertainty": { "level": 0.95 } },
          "render": { "formats": ["png"], "report": true }
        }
        """;

    private (PipelineOutput Output, ValidatedJob Job) Run(string json)
    {
        var job = JobRequestValidator.Validate(JobRequestJson.Parse(Encoding.UTF8.GetBytes(json)));
        return (new JobPipeline(_renderer).Run(job), job);
    }

    [Fact]
    public void Report_PdfHoldsTheTablesTheBudgetAndTheResultLine()
    {
        var (output, _) = Run(YoungRequest);
        Assert.Equal(["chart.png", "report.pdf", "data.csv"], output.Artifacts.Select(a => a.FileName));
        var pdf = output.Artifacts.Single(a => a.Name == "report");
        Assert.Equal("application/pdf", pdf.ContentType);
        var path = Path.Combine(Output, "young-report.pdf");
        File.WriteAllBytes(path, pdf.Content);

        var text = Flat(ExternalTool.Run("pdftotext", "-layout", path, "-"));
        var e = output.Result.Quantities.Single(q => q.Symbol == "E");
        Assert.Contains(Flat(e.Formatted), text, StringComparison.Ordinal);                 // the result line
        Assert.Contains(Flat("E = (1.72 ± 0.08)×10¹¹ Pa (U₀.₉₅"), text, StringComparison.Ordinal);
        // δ₁ = 2.330 cm and δ̄ = 2.2525 cm in m, to the place of u(δ̄) = 0.00044 m (one figure: 0.0004).
        Assert.Contains("0.0233", text, StringComparison.Ordinal);
        Assert.Contains("0.0225", text, StringComparison.Ordinal);
        Assert.Contains(Flat("E = 8LD/(πd²bk)"), text, StringComparison.Ordinal);          // the formula
        Assert.Contains("逐差法", text, StringComparison.Ordinal);
        Assert.Contains("不确定度与结果", text, StringComparison.Ordinal);
        var page = Path.Combine(Output, "young-report");
        ExternalTool.Run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", path, page);
        Assert.True(new FileInfo(page + "-1.png").Length > 10_000);
    }

    [Fact]
    public void Report_LayoutBoxesAreDisjointOnEveryPage()
    {
        var (output, job) = Run(YoungRequest);
        var analysis = ExperimentCatalog.Analyze(job.Analysis);
        var report = _renderer.RenderReport(LabReport.Build(job.Analysis.Input, analysis));
        Assert.InRange(report.Pages, 1, 3);
        Assert.Equal(0, report.UnknownGlyphs);
        foreach (var page in report.Boxes.GroupBy(b => b.Page))
        {
            var boxes = page.ToArray();
            for (var i = 0; i < boxes.Length; i++)
            {
                for (var j = i + 1; j < boxes.Length; j++)
                {
                    var (a, b) = (boxes[i], boxes[j]);
                    var overlap = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X) > 0.01
                        && Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y) > 0.01;
                    Assert.False(overlap, $"page {page.Key}: '{a.Text}' ({a.Kind}) overlaps '{b.Text}' ({b.Kind})");
                }
            }
        }

        Assert.NotEmpty(output.Artifacts.Single(a => a.Name == "report").Content);

        // The 逐差 table's cells: δ₁ = 2.330 cm and δ̄ = 2.2525 cm in m, to the place of u(δ̄) = 0.00044 m (one figure, 0.0004).
        var cells = report.Boxes.Where(b => b.Kind == "cell").Select(b => b.Text).ToList();
        Assert.Contains("0.0233", cells);
        Assert.Contains("0.0225", cells);
        Assert.Contains("5 − 1", cells);
    }

    [Fact]
    public void Report_FranckHertz_DrawsBothChartsAndKeepsThePeaksApartFromTheRecord()
    {
        // The I–U record (301 rows) and the six fitted peaks are different rows: two tables, the record cut to 100 rows.
        var u = Enumerable.Range(0, 301).Select(k => k * 0.1).ToArray();
        var current = u.Select(v => (10 * (1 + Math.Cos(2 * Math.PI * (v - 7.0) / 4.9))) + (0.5 * v)).ToArray();
        var input = new ExperimentInput
        {
            Experiment = "franck_hertz",
            Columns = new Dictionary<string, ColumnInput>
            {
                ["U"] = new() { Readings = [.. u.Select(v => (IReadOnlyList<double>)[v])], Unit = "V" },
                ["I"] = new() { Readings = [.. current.Select(v => (IReadOnlyList<double>)[v])], Unit = "nA" },
            },
        };
        var analysis = ExperimentCatalog.Analyze(input);
        var report = _renderer.RenderReport(LabReport.Build(input, analysis));
        Assert.Equal(2, report.Boxes.Count(b => b.Kind == "chart"));
        var text = Flat(string.Concat(report.Boxes.Select(b => b.Text)));
        Assert.Contains("测量数据", text, StringComparison.Ordinal);
        Assert.Contains("拟合所用数据", text, StringComparison.Ordinal);
        Assert.Contains(Flat("表中只列出前 100 行（共 301 行）"), text, StringComparison.Ordinal);
        // The CSV: one header and 301 rows; the peaks' columns start with their own 拟合点序号 and fill rows 1–6 only.
        var csv = Encoding.UTF8.GetString(ProcessedDataCsv.Write(analysis)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 301, csv.Length);
        var header = csv[0].Split(',');
        var peak = Array.IndexOf(header, "拟合点序号");
        Assert.True(peak > 0);
        Assert.Equal("6", csv[6].Split(',')[peak]);
        Assert.Equal("", csv[7].Split(',')[peak]);
    }

    [Fact]
    public void Report_TypicalPendulum_FitsOnePage()
    {
        // The README's pendulum: five points, three readings each — the data table, the chart, the fit and the budget on one A4 page.
        var request = SampleRequests.Pendulum.Replace("\"formats\": [\"png\"]", "\"formats\": [], \"report\": true", StringComparison.Ordinal);
        Assert.Contains("\"report\": true", request, StringComparison.Ordinal);
        var (output, _) = Run(request);
        var pdf = output.Artifacts.Single(a => a.Name == "report");
        var path = Path.Combine(Output, "pendulum-report.pdf");
        File.WriteAllBytes(path, pdf.Content);
        Assert.Contains("Pages:           1", ExternalTool.Run("pdfinfo", path), StringComparison.Ordinal);
        var text = Flat(ExternalTool.Run("pdftotext", "-layout", path, "-"));
        Assert.Contains(Flat("g = (9.821 ± 0.023) m/s²"), text, StringComparison.Ordinal);
        Assert.Contains("1.4193", text, StringComparison.Ordinal);                          // T̄₁ = (1.419 + 1.421 + 1.418)/3
        Assert.Contains("g=4π²/k", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DataCsv_ReadsBackWithPythonsCsvModule()
    {
        var (output, _) = Run(YoungRequest);
        var csv = output.Artifacts.Single(a => a.Name == "data");
        Assert.Equal(ProcessedDataCsv.ContentType, csv.ContentType);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Content.Take(3));                             // UTF-8 BOM for WPS/Excel
        var path = Path.Combine(Output, "young-data.csv");
        File.WriteAllBytes(path, csv.Content);

        // utf-8-sig drops the BOM; each row becomes "a|b|c", the header row first.
        var rows = ExternalTool.Run("python3", "-c",
            "import csv,sys\nfor r in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')): print('|'.join(r))", path)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('|')).ToArray();
        Assert.Equal(9, rows.Length);
        var header = rows[0];
        Assert.Equal("序号", header[0]);
        Assert.Contains("n 平均值 / m", header);
        Assert.Contains("标准化残差", header);
        string Cell(int row, string column) => rows[row][Array.IndexOf(header, column)];
        // Point 4 of n: readings 1.96 and 2.00 cm → mean 0.01980 m; u_A = s/√2 = 0.0002 m, u_B = 0.0005/√3 = 0.00029 m,
        // u_C = √(0.0002² + 0.000288675²) = 0.000351 → first digit 3: one figure, "0.0004"; the mean to that place: "0.0198".
        Assert.Equal("2", Cell(4, "n 读数个数"));
        Assert.Equal("0.0198", Cell(4, "n 平均值 / m"));
        Assert.Equal("0.0004", Cell(4, "n u_C / m"));
        Assert.Equal("0.00020", Cell(4, "n u_A / m"));
        Assert.Equal("8", Cell(8, "序号"));
        Assert.Equal("78.3096", Cell(8, "x: 拉力 F = mg / N"));                              // 8 kg · 9.7887 m/s², exact: as given
    }


    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
