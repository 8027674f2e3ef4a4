using System.Globalization;
using System.IO.Compression;
using LabCharts.Api.Http;
using LabCharts.Api.Identity;
using LabCharts.Jobs.Problems;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace LabCharts.Api.Apis;

/// <summary>
/// <c>POST /api/tables/xlsx</c>: the cells of an Excel workbook's first sheet as text, so a form can
/// fill its table from an uploaded <c>.xlsx</c> (CSV and pasted text are read in the browser). Read with
/// MiniExcel; nothing is stored.
/// </summary>
public static class TablesApi
{
    /// <summary>At most this many rows and columns are read; the analysis takes at most 10 000 points.</summary>
    public const int MaxRows = 10_001;

    /// <summary>Columns read per row.</summary>
    public const int MaxColumns = 64;

    // A workbook whose parts would unpack to more than this is refused before it is read (a zip bomb).
    private const long MaxUnpackedBytes = 64L * 1024 * 1024;

    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapTablesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tables/xlsx", ReadXlsxAsync).WithTags("Tables")
            .WithSummary("The first sheet of an uploaded .xlsx (the body) as rows of cell texts.");
        return app;
    }

    /// <summary>The sheet's rows, blank rows at the end left out.</summary>
    public static async Task<IResult> ReadXlsxAsync(
        HttpRequest request, GatewayIdentity identity, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        try
        {
            _ = identity.Resolve(request) ?? throw new ProblemException(ProblemCatalog.Unauthenticated());
            var body = await RequestBodyReader.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
            return TypedResults.Ok(new SheetRows(Read(body.ToArray())));
        }
        catch (ProblemException error)
        {
            return error.Problem.ToResult(request);
        }
    }

    /// <summary>The cells of the first sheet as invariant text (numbers as the shortest round-trip form).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(byte[] workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        if (workbook.Length < 4 || workbook[0] != 'P' || workbook[1] != 'K')
        {
            throw new ProblemException(NotAWorkbook());
        }
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > 2000 || zip.Entries.Sum(entry => entry.Length) > MaxUnpackedBytes)
                {
                    throw new ProblemException(NotAWorkbook());
                }
            }
            var rows = new List<IReadOnlyList<string>>();
            foreach (IDictionary<string, object?> row in MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                if (rows.Count == MaxRows)
                {
                    break;
                }
                rows.Add([.. row.Values.Take(MaxColumns).Select(Text)]);
            }
            while (rows.Count > 0 && rows[^1].All(cell => cell.Length == 0))
            {
                rows.RemoveAt(rows.Count - 1);
            }
            return rows;
        }
        catch (Exception error) when (error is InvalidDataException or IOException or InvalidOperationException or FormatException
            or System.Xml.XmlException or NotSupportedException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            // MiniExcel's errors for a damaged or foreign file; the client gets one clear problem.
            throw new ProblemException(NotAWorkbook());
        }
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        int or long or float => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
        DateTime time => time.ToString("s", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => (cell.ToString() ?? "").Trim(),
    };

    private static Problem NotAWorkbook() => ProblemCatalog.InvalidValue("file",
        "不是可读取的 Excel 工作簿（.xlsx）。", "is not a readable Excel workbook (.xlsx).");

    /// <summary>The answer: rows of cell texts.</summary>
    public sealed record SheetRows(IReadOnlyList<IReadOnlyList<string>> Rows);
}
