using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LabCharts.Tests;

/// <summary>
/// Runs a command-line tool the tests read their output with (poppler's pdftotext and pdftoppm,
/// python3): fails — never skips — when it is missing or exits non-zero. test.sh installs them.
/// </summary>
public static class ExternalTool
{
    /// <summary>The tool's standard output (UTF-8).</summary>
    public static string Run(string tool, params string[] arguments)
    {
        Process? process;
        try
        {
            process = Process.Start(new ProcessStartInfo(tool, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            });
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{tool} is needed by this test and could not be started: {e.Message}. ./test.sh installs it (poppler-utils, python3).");
            throw;
        }

        using (process)
        {
            var output = process!.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}");
            return output.Result;
        }
    }
}
