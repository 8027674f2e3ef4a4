namespace LabCharts.Rendering.Report;

/// <summary>A block as the paginator sees it: the space around it, the room it needs to start on a page, and placing itself (breaking pages where it may).</summary>
internal interface IFlowable
{
    /// <summary>Space above the block (the larger of this and the previous block's <see cref="SpaceAfter"/>; none at the top of a page).</summary>
    double SpaceBefore { get; }

    double SpaceAfter { get; }

    /// <summary>True when the block may not end a page: it starts a page only together with the next block's <see cref="LeastHeight"/>.</summary>
    bool KeepWithNext { get; }

    /// <summary>The least part that must fit for the block to start on a page: all of a heading or chart, a paragraph's first line, a table's caption, header and first row.</summary>
    double LeastHeight(ReportFlow flow);

    /// <summary>Places the block at the flow's cursor, starting new pages where it breaks.</summary>
    void Place(ReportFlow flow);
}
