using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LabCharts.Api.Tests.Infrastructure;

namespace LabCharts.Api.Tests;

/// <summary><c>POST /api/tables/xlsx</c>: an uploaded workbook's first sheet as rows of cell texts.</summary>
public sealed class TablesApiTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "../../../../Console/fixtures/pendulum.xlsx");
    private readonly LabChartsFactory _factory = new("Production");

    public void Dispose() => _factory.Dispose();

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    [Fact]
    public async Task Workbook_FirstSheetAsText()
    {
        using var client = _factory.CreateGatewayClient("tables-user");
        using var response = await client.PostAsync("/api/tables/xlsx", Body(await File.ReadAllBytesAsync(Fixture, TestContext.Current.CancellationToken)),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()).ToList()).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(["摆长 L/cm", "T1/s", "T2/s", "T3/s"], rows[0]);
        Assert.Equal(["50", "1.419", "1.421", "1.418"], rows[1]);
        Assert.Equal(["90", "1.903", "1.905", "1.902"], rows[5]);
    }

    public static TheoryData<string, byte[]> NotWorkbooks => new()
    {
        { "a CSV", Encoding.UTF8.GetBytes("L,T\n0.5,1.42\n") },
        { "empty", [] },
        { "a zip that is not a workbook", Zip(("hello.txt", Encoding.UTF8.GetBytes("hi"))) },
        { "a truncated workbook", File.ReadAllBytes(Fixture)[..700] },
        { "a zip bomb (parts unpacking to 80 MB)", Zip(("xl/worksheets/sheet1.xml", new byte[80 * 1024 * 1024])) },
    };

    [Theory]
    [MemberData(nameof(NotWorkbooks))]
    public async Task NotAWorkbook_Is400NamingTheFile(string name, byte[] bytes)
    {
        using var client = _factory.CreateGatewayClient("tables-user");
        using var response = await client.PostAsync("/api/tables/xlsx", Body(bytes), TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_value", "file", name);
    }

    [Fact]
    public async Task WithoutIdentity_Is401()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/tables/xlsx", Body(await File.ReadAllBytesAsync(Fixture, TestContext.Current.CancellationToken)),
            TestContext.Current.CancellationToken);
        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthenticated", "no identity");
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entryName, content) in entries)
            {
                using var stream = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
