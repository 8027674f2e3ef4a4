namespace LabCharts.Analysis.Tests.Nist;

/// <summary>
/// Finds the NIST StRD folder: <c>LABCHARTS_NIST_DIR</c>, else <c>../shared/data/nist</c> next to
/// the repository. The data are never copied into the repository. Without the folder the tests
/// skip with the reason, except under CI (<c>CI=true</c>), where a missing folder is a failure.
/// </summary>
public static class NistData
{
    public static string Folder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LABCHARTS_NIST_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LabCharts.slnx")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "nist"));
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }

                break;
            }
        }

        var reason = "NIST StRD data not found: set LABCHARTS_NIST_DIR or provide ../shared/data/nist next to the repository.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI=true: the data must be present.)");
        }

        Assert.Skip(reason);
        return "";
    }

    public static NistProblem Load(string name) => NistProblem.Load(Folder(), name);

    /// <summary>
    /// Log relative error: the number of significant digits on which <paramref name="estimate"/>
    /// agrees with <paramref name="certified"/> (the absolute error's digits when the certified value is 0), capped at 15.
    /// </summary>
    public static double Digits(double estimate, double certified)
    {
        var error = certified == 0 ? Math.Abs(estimate) : Math.Abs(estimate - certified) / Math.Abs(certified);
        return error == 0 ? 15 : Math.Min(15, -Math.Log10(error));
    }
}
