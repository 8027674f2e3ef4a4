using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>The cursor of the layout pass: the pages so far and the height reached on the last one.</summary>
internal sealed class ReportFlow(ReportTexts texts)
{
    private readonly List<ReportPage> _pages = [new()];
    private bool _pageEmpty = true;

    public ReportTexts Texts => texts;

    public IReadOnlyList<ReportPage> Pages => _pages;

    /// <summary>Top of the next thing placed.</summary>
    public double Y { get; private set; } = ReportStyle.MarginTop;

    /// <summary>Height left on this page.</summary>
    public double Room => ReportStyle.ContentBottom - Y;

    /// <summary>Nothing is on this page yet: whatever comes fits as well as it ever will.</summary>
    public bool AtTop => _pageEmpty;

    /// <summary>Height of a page's blocks.</summary>
    public static double PageRoom => ReportStyle.ContentBottom - ReportStyle.MarginTop;

    public void NewPage()
    {
        _pages.Add(new ReportPage());
        Y = ReportStyle.MarginTop;
        _pageEmpty = true;
    }

    /// <summary>Before a block: <paramref name="gap"/> under what is above it, or a new page when <paramref name="height"/> more would not fit.</summary>
    public void Start(double gap, double height)
    {
        if (AtTop)
        {
            return;
        }

        if (gap + height > Room)
        {
            NewPage();
        }
        else
        {
            Y += gap;
        }
    }

    public void Advance(double height) => Y += height;

    /// <summary>Puts a block at <paramref name="x"/> and <paramref name="dy"/> under the cursor, which stays.</summary>
    public void Put(TextBlock block, string kind, double x, RgbColor color, double dy = 0)
    {
        _pages[^1].Texts.Add(new PlacedText(block, kind, x, Y + dy, color));
        _pageEmpty = false;
    }

    /// <summary>Puts a block centred on the text width and moves the cursor under it.</summary>
    public void Centered(TextBlock block, string kind, RgbColor color)
    {
        Put(block, kind, ReportStyle.MarginX + ((ReportStyle.TextWidth - block.Width) / 2), color);
        Advance(block.Height);
    }

    /// <summary>Puts a block at the left margin and moves the cursor under it.</summary>
    public void Left(TextBlock block, string kind)
    {
        Put(block, kind, ReportStyle.MarginX, ReportStyle.Ink);
        Advance(block.Height);
    }

    /// <summary>A rule under the cursor, which moves under it.</summary>
    public void Rule(double x, double width, double thickness)
    {
        _pages[^1].Rules.Add(new PlacedRule(x, Y, width, thickness));
        _pageEmpty = false;
        Advance(thickness);
    }

    /// <summary>A chart's box under the cursor, which moves under it.</summary>
    public void Chart(Chart chart, double x, double width, double height)
    {
        _pages[^1].Charts.Add(new PlacedChart(chart, x, Y, width, height));
        _pageEmpty = false;
        Advance(height);
    }

    /// <summary>"第 n 页 / 共 N 页" centred at the foot of every page, once all pages are known.</summary>
    public void AddFooters()
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var block = texts.Get(PangoMarkup.Escape($"第 {i + 1} 页 / 共 {_pages.Count} 页"), new TextStyle(ReportStyle.FooterSize));
            var x = ReportStyle.MarginX + ((ReportStyle.TextWidth - block.Width) / 2);
            _pages[i].Texts.Add(new PlacedText(block, "footer", x, ReportStyle.PageHeight - ReportStyle.MarginBottom - block.Height, ReportStyle.Grey));
        }
    }
}
