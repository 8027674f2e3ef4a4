using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using LabCharts.Jobs.Batches;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Processing;

/// <summary>
/// Runs batch jobs' CPU work (analysis and rendering) on threads of its own, one per batch slot, at
/// the niceness <see cref="BatchOptions.Nice"/> (19 by default, the lowest priority on Linux). The
/// kernel then gives a re-render batch only the CPU time that students' jobs, the API and the servers
/// beside it leave over: a student's job that arrives while a batch runs never waits for a core.
/// Elsewhere (or when the priority cannot be changed) the threads run at normal priority.
/// Results are handed back through a thread of normal priority: on Linux a thread inherits its
/// creator's niceness, and completing a task can make the thread pool start a thread right there,
/// which would then serve students' jobs at the lowest priority for the rest of its life.
/// </summary>
public sealed partial class BatchCpu : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly BlockingCollection<Action> _completions = [];
    private readonly Lazy<Thread[]> _threads;
    private readonly int _nice;
    private readonly ILogger<BatchCpu> _logger;

    /// <summary>Creates the runner; its threads start with the first batch job.</summary>
    public BatchCpu(IOptions<WorkerOptions> worker, IOptions<BatchOptions> batch, ILogger<BatchCpu> logger)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(batch);
        _nice = batch.Value.Nice;
        _logger = logger;
        var count = batch.Value.SlotsOf(worker.Value.EffectiveConcurrency);
        _threads = new Lazy<Thread[]>(() =>
        {
            var threads = Enumerable.Range(1, count)
                .Select(i => new Thread(Loop) { IsBackground = true, Name = $"LabCharts batch CPU {i}" })
                .Append(new Thread(Complete) { IsBackground = true, Name = "LabCharts batch CPU results" })
                .ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }
            return threads;
        });
    }

    /// <summary>Runs <paramref name="work"/> on a batch thread; completes with its result or exception.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _ = _threads.Value;
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                var result = work();
                _completions.Add(() => done.SetResult(result));
            }
#pragma warning disable CA1031 // every exception goes to the awaiting job, which decides
            catch (Exception error)
#pragma warning restore CA1031
            {
                _completions.Add(() => done.SetException(error));
            }
        });
        return done.Task;
    }

    /// <summary>The niceness of the calling thread (Linux), or null where it cannot be read.</summary>
    public static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        Marshal.SetLastPInvokeError(0);
        var nice = GetPriority(PrioProcess, GetThreadId());
        return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? null : nice;
    }

    private void Loop()
    {
        LowerPriority();
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    // Normal priority: runs the completions, and with them whatever the thread pool does on them.
    private void Complete()
    {
        foreach (var completion in _completions.GetConsumingEnumerable())
        {
            completion();
        }
    }

    private void LowerPriority()
    {
        if (_nice == 0 || !OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            // On Linux a thread is a task of its own: PRIO_PROCESS with its thread id renices just it.
            if (SetPriority(PrioProcess, GetThreadId(), _nice) != 0)
            {
                _logger.LogWarning("Batch CPU thread stays at normal priority: setpriority failed (errno {Errno})", Marshal.GetLastPInvokeError());
            }
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            _logger.LogWarning(error, "Batch CPU thread stays at normal priority");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _work.CompleteAdding();
        if (_threads.IsValueCreated)
        {
            var workers = _threads.Value[..^1];
            var finished = workers.All(thread => thread.Join(TimeSpan.FromSeconds(5)));
            _completions.CompleteAdding();
            finished &= _threads.Value[^1].Join(TimeSpan.FromSeconds(5));
            if (!finished)
            {
                return; // a thread still runs (a starved batch job): the collections stay for it
            }
        }
        _work.Dispose();
        _completions.Dispose();
    }

    private const int PrioProcess = 0;

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);
}
