using System.Globalization;
using CsvHelper;
using LabCharts.Analysis;

namespace LabCharts.Processing.Reports;

/// <summary>
/// The processed data table as CSV (artifact <c>data</c>): UTF-8 with a byte-order mark so that WPS and
/// Excel open the Chinese headers right, RFC 4180 quoting (CsvHelper), one row per point: per measured
/// column the readings used, mean, u_A, u_B, u_C; then the fitted x, u(x), y, u(y), residual, standardized
/// residual and the flag. Means are rounded to their u_C's place and uncertainties to the lab rule's figures.
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
        using var stream = new MemoryStream();
        // Formula injection: a custom column's label is the student's text; '-' stays allowed for negative numbers.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, InjectionCharacters = "=+@\t\r" };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteField("序号");
            foreach (var column in data.Columns)
            {
                var unit = column.Unit.Length > 0 ? " / " + column.Unit : "";
                foreach (var header in new[] { $"{column.Key} 读数个数", $"{column.Key} 平均值{unit}", $"{column.Key} u_A{unit}", $"{column.Key} u_B{unit}", $"{column.Key} u_C{unit}" })
                {
                    csv.WriteField(header);
                }
            }

            var fitted = data.Fitted;
            if (fitted.Points.Count > 0)
            {
                foreach (var header in new[] { $"x: {fitted.XLabel}", "u(x)", $"y: {fitted.YLabel}", "u(y)", "残差", "标准化残差", "可疑点" })
                {
                    csv.WriteField(header);
                }
            }

            csv.EndRecord();
            var rows = Math.Max(data.Columns.Count == 0 ? 0 : data.Columns.Max(c => c.Points.Count), fitted.Points.Count);
            for (var i = 0; i < rows; i++)
            {
                csv.WriteField((i + 1).ToString(CultureInfo.InvariantCulture));
                foreach (var column in data.Columns)
                {
                    if (i >= column.Points.Count)
                    {
                        for (var j = 0; j < 5; j++)
                        {
                            csv.WriteField("");
                        }

                        continue;
                    }

                    var point = column.Points[i];
                    var (mean, combined) = ReportNumbers.Plain(point.Mean, point.Combined, rounding);
                    csv.WriteField(point.Readings.ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(mean);
                    csv.WriteField(ReportNumbers.UncertaintyPlain(point.TypeA, rounding));
                    csv.WriteField(ReportNumbers.UncertaintyPlain(point.TypeB, rounding));
                    csv.WriteField(combined);
                }

                if (i < fitted.Points.Count)
                {
                    var p = fitted.Points[i];
                    var (x, ux) = ReportNumbers.Plain(p.X, p.XUncertainty, rounding);
                    var (y, uy) = ReportNumbers.Plain(p.Y, p.YUncertainty, rounding);
                    csv.WriteField(x);
                    csv.WriteField(ux);
                    csv.WriteField(y);
                    csv.WriteField(uy);
                    csv.WriteField(ReportNumbers.Plain(p.Residual));
                    csv.WriteField(p.StandardizedResidual is { } z ? z.ToString("0.00", CultureInfo.InvariantCulture) : "");
                    csv.WriteField(p.Flagged ? "是" : "");
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }
}
