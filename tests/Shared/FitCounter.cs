using System.Diagnostics.Metrics;
using LabCharts.Analysis;

namespace LabCharts.Tests;

/// <summary>
/// Counts fits through the Analysis fit counter (<see cref="AnalysisMetrics"/>) from creation on:
/// every fit in the process, or only those on the creating thread (other tests fit in parallel).
/// </summary>
public sealed class FitCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public FitCounter(bool thisThreadOnly = false)
    {
        var thread = Environment.CurrentManagedThreadId;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AnalysisMetrics.MeterName && instrument.Name == AnalysisMetrics.FitsCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (!thisThreadOnly || Environment.CurrentManagedThreadId == thread)
            {
                Interlocked.Add(ref _count, value);
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
