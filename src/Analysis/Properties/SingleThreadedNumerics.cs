using System.Runtime.CompilerServices;

namespace LabCharts.Analysis;

/// <summary>
/// Math.NET Numerics splits even a 30×2 QR factorisation over the thread pool and spin-waits for the
/// parts (a tenth of a typical job's CPU, measured with <c>bench/Job</c> split and dotnet-trace). The
/// service runs many small jobs at once, one per thread, so the library runs single-threaded.
/// </summary>
internal static class SingleThreadedNumerics
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Configures a dependency before any analysis runs; every host of this library wants it.")]
    internal static void Initialize() => MathNet.Numerics.Control.UseSingleThread();
}
