using LabCharts.Api.Extensions;

namespace LabCharts.Api;

/// <summary>The API host: thin; all wiring is in <see cref="ApiExtensions"/>.</summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Starts LabCharts (with no settings: the whole system on one machine).</summary>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddLabChartsApi();

        var app = builder.Build();
        app.MapLabChartsApi();
        app.Run();
    }
}
