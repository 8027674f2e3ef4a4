using System.Globalization;
using System.Text.RegularExpressions;
using LabCharts.Tests;

namespace LabCharts.Rendering.Tests;

/// <summary>
/// Lab-report PDFs: page count, text read back with pdftotext, every box apart from the others and
/// inside the margins, tables and paragraphs across pages, headings kept with what follows, and the
/// first page rastered by pdftoppm. Outputs are kept in a temp folder (labcharts-report-tests).
/// </summary>
public sealed partial class ReportRendererTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    // The layout the report promises: A4, 56 pt side margins, 50 pt top and bottom.
    private const double PageWidth = 595.276;
    private const double PageHeight = 841.89;
    private const double MarginX = 56;
    private const double MarginY = 50;
    private const double TextWidth = PageWidth - (2 * MarginX);
    private const double Tolerance = 0.01;

    private static readonly string OutputDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "labcharts-report-tests")).FullName;

    private readonly ChartRenderer _renderer = fixture.Renderer;

    [Fact]
    public void RenderReport_SampleDocument_IsOnePagePdfWithItsText()
    {
        var report = _renderer.RenderReport(SampleDocument());
        var path = Save(report, "sample.pdf");

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(report.Bytes, 0, 8), StringComparison.Ordinal);
        Assert.Equal("application/pdf", report.ContentType);
        Assert.Equal(1, report.Pages);
        Assert.Equal(0, report.UnknownGlyphs);

        var text = Flat(ExternalTool.Run("pdftotext", "-layout", path, "-"));
        Assert.Contains(Flat("单摆测重力加速度 数据处理"), text, StringComparison.Ordinal);
        Assert.Contains("0.5000", text, StringComparison.Ordinal);
        Assert.Contains(Flat("摆长 L / m"), text, StringComparison.Ordinal);
        Assert.Contains("重力加速度", text, StringComparison.Ordinal);
        Assert.Contains("斜率", text, StringComparison.Ordinal);
        Assert.Contains(Flat("第 1 页 / 共 1 页"), text, StringComparison.Ordinal);

        Assert.Single(report.Boxes, b => b.Kind == "title");
        Assert.Single(report.Boxes, b => b.Kind == "chart");
        Assert.Equal(11 * 4, report.Boxes.Count(b => b.Kind == "cell"));
    }

    [Fact]
    public void RenderReport_EveryDocument_BoxesApartAndInsideMargins()
    {
        foreach (var document in new[] { SampleDocument(), TableDocument(120), LongParagraphDocument(), WideTableDocument() })
        {
            AssertLaidOut(_renderer.RenderReport(document));
        }
    }

    [Fact]
    public void RenderReport_LongTable_BreaksAcrossPagesRepeatingHeaderAndKeepingEveryRow()
    {
        var report = _renderer.RenderReport(TableDocument(120));
        Save(report, "long-table.pdf");

        Assert.True(report.Pages >= 2, $"{report.Pages} page(s)");
        var cells = report.Boxes.Where(b => b.Kind == "cell").ToList();
        for (var page = 1; page <= report.Pages; page++)
        {
            Assert.Single(cells, c => c.Page == page && c.Text == "摆长 L / m");
        }

        var captions = report.Boxes.Where(b => b.Kind == "caption").ToList();
        Assert.Equal("表 1 摆长与周期", captions[0].Text);
        Assert.All(captions.Skip(1), c => Assert.Equal("表 1 摆长与周期（续）", c.Text));
        Assert.Equal(Enumerable.Range(1, report.Pages), captions.Select(c => c.Page));

        // Every row exactly once, in order down the pages.
        var numbers = cells.Where(c => int.TryParse(c.Text, CultureInfo.InvariantCulture, out _)).OrderBy(c => c.Page).ThenBy(c => c.Y).Select(c => int.Parse(c.Text, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 120), numbers);
        for (var i = 0; i < 120; i++)
        {
            Assert.Single(cells, c => c.Text == Length(i));
        }

        // On every page the header is above the rows.
        Assert.All(cells.Where(c => c.Text != "摆长 L / m" && c.Text.Contains('.', StringComparison.Ordinal)), c =>
            Assert.True(c.Y > cells.Single(h => h.Page == c.Page && h.Text == "摆长 L / m").Bottom));

        var text = Flat(ExternalTool.Run("pdftotext", "-layout", "-f", "2", "-l", "2", Path.Combine(OutputDirectory, "long-table.pdf"), "-"));
        Assert.Contains(Flat("表 1 摆长与周期（续）"), text, StringComparison.Ordinal);
        Assert.Contains(Flat("摆长 L / m"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderReport_HeadingAtFootOfPage_MovesToTheNextPageWithItsTable()
    {
        // How many one-line paragraphs fill the first page.
        var full = _renderer.RenderReport(FillerDocument(60));
        var perPage = full.Boxes.Count(b => b.Page == 1 && b.Kind == "paragraph");

        var moved = false;
        for (var fillers = perPage - 5; fillers <= perPage; fillers++)
        {
            var report = _renderer.RenderReport(FillerDocument(fillers));
            AssertLaidOut(report);
            var heading = report.Boxes.Single(b => b.Kind == "heading");
            var caption = report.Boxes.First(b => b.Kind == "caption");
            Assert.Equal(heading.Page, caption.Page);
            Assert.True(heading.Bottom <= caption.Y);

            // A heading that alone would have fitted under the last filler went over with its table.
            var lastFiller = report.Boxes.Where(b => b.Page == 1 && b.Kind == "paragraph").Max(b => b.Bottom);
            var footer = report.Boxes.Single(b => b.Page == 1 && b.Kind == "footer");
            if (heading.Page == 2 && footer.Y - lastFiller >= (2 * heading.Height) + 12)
            {
                moved = true;
            }
        }

        Assert.True(moved, "no filler count left a heading-sized gap at the foot of page 1");
    }

    [Fact]
    public void RenderReport_LongParagraph_WrapsWithinTextWidthAndLosesNothingAcrossPages()
    {
        var document = LongParagraphDocument();
        var report = _renderer.RenderReport(document);
        Save(report, "long-paragraph.pdf");

        var parts = report.Boxes.Where(b => b.Kind == "paragraph").ToList();
        Assert.True(report.Pages >= 2, $"{report.Pages} page(s)");
        Assert.True(parts.Select(p => p.Page).Distinct().Count() >= 2);
        Assert.All(parts, p => Assert.InRange(p.Width, TextWidth / 2, TextWidth + Tolerance));
        Assert.All(parts, p => Assert.True(p.Height > 3 * 10, $"{p.Height} pt: not wrapped"));

        var markup = ((ReportParagraph)document.Blocks[1]).Markup;
        Assert.Equal(Flat(Tags().Replace(markup, "")), Flat(string.Concat(parts.Select(p => p.Text))));
    }

    [Fact]
    public void RenderReport_WideTable_FitsTheTextWidth()
    {
        var report = _renderer.RenderReport(WideTableDocument());
        Save(report, "wide-table.pdf");

        var cells = report.Boxes.Where(b => b.Kind == "cell").ToList();
        Assert.Equal(13 * 12, cells.Count);
        Assert.InRange(cells.Max(c => c.Right) - cells.Min(c => c.X), TextWidth * 0.8, TextWidth + Tolerance);
        Assert.Equal(0, report.UnknownGlyphs);

        // Every value is there whole, not cut inside a number.
        var text = Flat(ExternalTool.Run("pdftotext", "-layout", Path.Combine(OutputDirectory, "wide-table.pdf"), "-"));
        Assert.Contains("12345.678", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderReport_FirstPage_RastersWithInkTitleAndThreeLineRules()
    {
        var report = _renderer.RenderReport(SampleDocument());
        var pdf = Save(report, "sample-raster.pdf");
        var prefix = Path.Combine(OutputDirectory, "sample-page1");
        ExternalTool.Run("pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-singlefile", "-png", pdf, prefix);
        var image = PngImage.Decode(File.ReadAllBytes(prefix + ".png"));
        const double PixelsPerPoint = 100 / 72.0;

        Assert.Equal(827, image.Width);
        Assert.InRange(image.Height, 1169, 1170);
        var inked = 0;
        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                inked += Dark(image.GetPixel(x, y), 200) ? 1 : 0;
            }
        }

        Assert.InRange(inked, image.Width * image.Height / 4 / 100, image.Width * image.Height / 4 / 3);

        // The title has ink; the rule between caption and header is a dark line across the table.
        var title = report.Boxes.Single(b => b.Kind == "title");
        Assert.True(CountDark(image, title, PixelsPerPoint) > 100);
        var caption = report.Boxes.Single(b => b.Kind == "caption");
        var header = report.Boxes.Where(b => b.Kind == "cell").OrderBy(b => b.Y).First();
        var cells = report.Boxes.Where(b => b.Kind == "cell").ToList();
        var ruleY = (int)Math.Round((caption.Bottom + header.Y) / 2 * PixelsPerPoint);
        var (left, right) = ((int)Math.Ceiling(cells.Min(c => c.X) * PixelsPerPoint), (int)Math.Floor(cells.Max(c => c.Right) * PixelsPerPoint));
        var darkAcross = Enumerable.Range(left, right - left).Count(x => Enumerable.Range(ruleY - 1, 3).Any(y => Dark(image.GetPixel(x, y), 128)));
        Assert.True(darkAcross >= (right - left) * 0.98, $"{darkAcross} of {right - left} pixels dark on the top rule");
    }

    [Fact]
    public void RenderReport_AwkwardBlocks_AreStillLaidOutApart()
    {
        var document = new ReportDocument
        {
            Title = "一个很长很长的标题：" + string.Concat(Enumerable.Repeat("单摆测重力加速度的数据处理与不确定度评定，", 6)),
            Blocks =
            [
                new ReportParagraph("<i>unclosed markup & stray <b> tags"),
                new ReportParagraph(""),
                new ReportTable { Caption = "表 1 空表", Header = ["量", "值"], Rows = [] },
                new ReportTable { Header = ["a", "b", "c"], Rows = [["1"], ["2", "3", "4"]] },
                new ReportChart { Chart = SampleCharts.Pendulum(), AspectRatio = 3 },
                new ReportHeading("最后的标题"),
            ],
        };

        var report = _renderer.RenderReport(document);

        AssertLaidOut(report);
        Assert.Contains(report.Boxes, b => b.Kind == "paragraph" && b.Text == "<i>unclosed markup & stray <b> tags");
        Assert.Equal(2 + 3 + 3 + 3, report.Boxes.Count(b => b.Kind == "cell" && b.Page == 1));
        var chart = report.Boxes.Single(b => b.Kind == "chart");
        Assert.Equal((2, 3.0), (chart.Page, Math.Round(chart.Height / chart.Width, 6)));
        Save(report, "awkward.pdf");
        Assert.Throws<ArgumentOutOfRangeException>(() => _renderer.RenderReport(document with { Blocks = [new ReportChart { Chart = SampleCharts.Pendulum(), AspectRatio = 0 }] }));
    }

    [Fact]
    public void RenderReport_OnTwoThreadsWithCharts_GivesTheSameFile()
    {
        var first = _renderer.RenderReport(SampleDocument()).Bytes;
        var files = new byte[6][];
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            files[i] = i % 2 == 0
                ? _renderer.RenderReport(SampleDocument()).Bytes
                : _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions { Format = ChartFormat.Pdf }).Bytes);

        Assert.All(files.Where((_, i) => i % 2 == 0), f => Assert.Equal(first, f));
    }

    private static ReportDocument SampleDocument() => new()
    {
        Title = "单摆测重力加速度 数据处理",
        Subtitle = "第 3 组 · 2024 年 3 月 12 日",
        Blocks =
        [
            new ReportHeading("1. 数据表"),
            PendulumTable(10),
            new ReportHeading("2. 计算"),
            new ReportParagraph("由 <i>g</i> = 4π<sup>2</sup>/<i>k</i> 计算重力加速度，其中 <i>k</i> 为 <i>T</i><sup>2</sup>–<i>L</i> 直线的斜率。"
                + "拟合得 <i>k</i> = (4.031 ± 0.006) s<sup>2</sup>/m，故 <i>g</i> = (9.79 ± 0.01) m/s<sup>2</sup>，与当地公认值相差 0.2 %。"),
            new ReportHeading("3. 图"),
            new ReportChart { Chart = SampleCharts.PendulumWithResiduals(), AspectRatio = 0.62 },
        ],
    };

    private static ReportDocument TableDocument(int rows) => new()
    {
        Title = "长表格",
        Blocks = [new ReportHeading("1. 数据表"), PendulumTable(rows), new ReportParagraph("表后的段落。")],
    };

    private static ReportDocument FillerDocument(int fillers) => new()
    {
        Title = "分页测试",
        Blocks =
        [
            .. Enumerable.Range(1, fillers).Select(i => new ReportParagraph($"第 {i} 行填充文字。")),
            new ReportHeading("2. 数据表"),
            PendulumTable(5),
        ],
    };

    private static ReportDocument LongParagraphDocument()
    {
        var sentences = Enumerable.Range(1, 60).Select(i =>
            $"第 {i} 次测量时，摆长 <i>L</i><sub>{i}</sub> = {Length(i)} m，周期 <i>T</i><sub>{i}</sub> 由光电门记录 50 次全振动的总时间求得，"
            + "the pendulum swung with an amplitude below five degrees so that the small-angle approximation holds.");
        return new ReportDocument { Title = "长段落", Blocks = [new ReportHeading("1. 过程"), new ReportParagraph(string.Join(" ", sentences))] };
    }

    private static ReportDocument WideTableDocument() => new()
    {
        Title = "宽表格",
        Blocks =
        [
            new ReportTable
            {
                Caption = "表 1 十二个量",
                Header = [.. Enumerable.Range(1, 12).Select(c => $"测量量 <i>x</i><sub>{c}</sub> / mm")],
                Rows = [.. Enumerable.Range(0, 12).Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(0, 12).Select(c => r == 0 && c == 0 ? "12345.678" : (1000 + (r * 12.345) + c).ToString("F3", CultureInfo.InvariantCulture) + " ± 0.005")])],
            },
        ],
    };

    private static ReportTable PendulumTable(int rows) => new()
    {
        Caption = "表 1 摆长与周期",
        Header = ["序号", "摆长 <i>L</i> / m", "周期 <i>T</i> / s", "<i>T</i><sup>2</sup> / s<sup>2</sup>"],
        Rows =
        [
            .. Enumerable.Range(0, rows).Select(i =>
            {
                var l = 0.5 + (0.01 * i);
                var t2 = SampleCharts.PendulumFit(l);
                return (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), Length(i), Math.Sqrt(t2).ToString("F4", CultureInfo.InvariantCulture), t2.ToString("F3", CultureInfo.InvariantCulture)];
            }),
        ],
    };

    private static string Length(int i) => (0.5 + (0.01 * i)).ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>Boxes on every page pairwise apart (touching is fine) and inside the margins.</summary>
    private static void AssertLaidOut(RenderedReport report)
    {
        Assert.All(report.Boxes, b =>
        {
            Assert.InRange(b.Page, 1, report.Pages);
            Assert.True(b.X >= MarginX - Tolerance && b.Right <= PageWidth - MarginX + Tolerance, $"{b} outside the side margins");
            Assert.True(b.Y >= MarginY - Tolerance && b.Bottom <= PageHeight - MarginY + Tolerance, $"{b} outside the top/bottom margins");
        });

        foreach (var page in report.Boxes.GroupBy(b => b.Page))
        {
            var boxes = page.ToList();
            for (var i = 0; i < boxes.Count; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    var (a, b) = (boxes[i], boxes[j]);
                    var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X);
                    var overlapY = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y);
                    Assert.False(overlapX > Tolerance && overlapY > Tolerance, $"overlap on page {page.Key}: {a} and {b}");
                }
            }
        }
    }

    private static bool Dark(RgbColor colour, int below) => colour.R < below && colour.G < below && colour.B < below;

    private static int CountDark(PngImage image, ReportBox box, double scale)
    {
        var count = 0;
        for (var y = (int)(box.Y * scale); y < (int)(box.Bottom * scale); y++)
        {
            for (var x = (int)(box.X * scale); x < (int)(box.Right * scale); x++)
            {
                count += Dark(image.GetPixel(x, y), 128) ? 1 : 0;
            }
        }

        return count;
    }

    private static string Save(RenderedReport report, string name)
    {
        var path = Path.Combine(OutputDirectory, name);
        File.WriteAllBytes(path, report.Bytes);
        return path;
    }


    /// <summary>Text without white space (pdftotext puts spaces and line breaks of its own).</summary>
    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
