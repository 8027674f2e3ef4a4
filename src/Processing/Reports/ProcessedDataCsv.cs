using System.Globalization;
using CsvHelper;
using LabCharts.Analysis;

namespace LabCharts.Processing.Reports;

/// <summary>
/// The processed data table as CSV (artifact <c>data</c>): UTF-8 with a byte-order mark so that WPS and
/// Excel open the Chinese headers right, RFC 4180 quoting (CsvHelper), one row per point: per measured
/// column the readings used, mean, u_A, u_B, u_C; then the fitted x, u(x), y, u(y), residual, standardized
/// residual and the flag. Means are rounded to their u_C's place and uncertainties to the lab rule's figures;
/// values without an uncertainty are written as given. When the fit's points are not the columns' rows
/// (Franck–Hertz fits the peaks of the I–U record) their columns start with a 拟合点序号 of their own and
/// fill only the first rows (RFC 4180 wants one field count for the whole file).
/// </summary>
public static class ProcessedDataCsv
{
    /// <summary>Content type of the artifact.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The CSV bytes (with BOM) of <paramref name="analysis"/>'s processed data.</summary>
    public static byte[] Write(AnalysisResult analysis, UncertaintyRounding rounding = UncertaintyRounding.HalfEven)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var data = analysis.Data ?? throw new ArgumentException("The analysis has no processed data.", nameof(analysis));
        var fitted = data.Fitted.Points;
        var together = data.Columns.All(c => c.Points.Count == fitted.Count);
        using var stream = new MemoryStream();
        // Formula injection: a custom column's label is the student's text; '-' stays allowed for negative numbers.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, InjectionCharacters = "=+@\t\r" };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            var rows = Math.Max(data.Columns.Count == 0 ? 0 : data.Columns.Max(c => c.Points.Count), fitted.Count);
            var columns = data.Columns.Select(c => ColumnFields(c, rounding)).ToList();
            if (fitted.Count > 0)
            {
                columns.Add(FittedFields(data.Fitted, rounding, numbered: !together));
            }

            WriteBlock(csv, rows, columns);
        }

        return stream.ToArray();
    }

    // One block: 序号 and the fields' headers, then one row per point (empty cells past a column's end).
    private static void WriteBlock(CsvWriter csv, int rows, IReadOnlyList<(string[] Headers, Func<int, string[]?> Row)> fields)
    {
        csv.WriteField("序号");
        foreach (var header in fields.SelectMany(f => f.Headers))
        {
            csv.WriteField(header);
        }

        csv.EndRecord();
        for (var i = 0; i < rows; i++)
        {
            csv.WriteField((i + 1).ToString(CultureInfo.InvariantCulture));
            foreach (var (headers, row) in fields)
            {
                foreach (var cell in row(i) ?? new string[headers.Length])
                {
                    csv.WriteField(cell ?? "");
                }
            }

            csv.EndRecord();
        }
    }

    private static (string[] Headers, Func<int, string[]?> Row) ColumnFields(ProcessedColumn column, UncertaintyRounding rounding)
    {
        var unit = column.Unit.Length > 0 ? " / " + column.Unit : "";
        string[] headers = [$"{column.Key} 读数个数", $"{column.Key} 平均值{unit}", $"{column.Key} u_A{unit}", $"{column.Key} u_B{unit}", $"{column.Key} u_C{unit}"];
        return (headers, i =>
        {
            if (i >= column.Points.Count)
            {
                return null;
            }

            var point = column.Points[i];
            var (mean, combined) = ReportNumbers.Plain(point.Mean, point.Combined, rounding);
            return [point.Readings.ToString(CultureInfo.InvariantCulture), mean,
                ReportNumbers.UncertaintyPlain(point.TypeA, rounding), ReportNumbers.UncertaintyPlain(point.TypeB, rounding), combined];
        });
    }

    private static (string[] Headers, Func<int, string[]?> Row) FittedFields(FittedPoints fitted, UncertaintyRounding rounding, bool numbered)
    {
        string[] headers = [.. numbered ? ["拟合点序号"] : Array.Empty<string>(), $"x: {fitted.XLabel}", "u(x)", $"y: {fitted.YLabel}", "u(y)", "残差", "标准化残差", "可疑点"];
        return (headers, i =>
        {
            if (i >= fitted.Points.Count)
            {
                return null;
            }

            var p = fitted.Points[i];
            var (x, ux) = ReportNumbers.Plain(p.X, p.XUncertainty, rounding);
            var (y, uy) = ReportNumbers.Plain(p.Y, p.YUncertainty, rounding);
            return [.. numbered ? [(i + 1).ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>(), x, ux, y, uy, ReportNumbers.Plain(p.Residual),
                p.StandardizedResidual is { } z ? z.ToString("0.00", CultureInfo.InvariantCulture) : "", p.Flagged ? "是" : ""];
        });
    }
}
