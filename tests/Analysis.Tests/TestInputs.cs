namespace LabCharts.Analysis.Tests;

/// <summary>Requests the tests start from: the README's pendulum example and a small custom line.</summary>
internal static class TestInputs
{
    public static ColumnInput Single(params double[] values) => new()
    {
        Readings = values.Select(v => (IReadOnlyList<double>)[v]).ToList(),
    };

    public static ColumnInput Repeated(params double[][] points) => new()
    {
        Readings = points.Select(p => (IReadOnlyList<double>)p).ToList(),
    };

    public static ColumnInput PendulumLength() =>
        Single(0.50, 0.60, 0.70, 0.80, 0.90) with { Unit = "m", InstrumentError = 0.0005 };

    public static ColumnInput PendulumPeriod() => Repeated(
        [1.419, 1.421, 1.418], [1.553, 1.556, 1.554], [1.679, 1.677, 1.680],
        [1.794, 1.796, 1.793], [1.903, 1.905, 1.902]) with { Unit = "s" };

    public static ExperimentInput Pendulum() => new()
    {
        Experiment = "pendulum",
        Title = "单摆测重力加速度",
        Columns = new Dictionary<string, ColumnInput> { ["L"] = PendulumLength(), ["T"] = PendulumPeriod() },
        Constants = new Dictionary<string, ConstantInput> { ["g_ref"] = new(9.794, "m/s^2") },
    };

    public static ExperimentInput Custom(string model = "linear") => new()
    {
        Experiment = "custom",
        Columns = new Dictionary<string, ColumnInput>
        {
            ["x"] = Single(1, 2, 3, 4) with { Label = "时间", Unit = "s" },
            ["y"] = Single(2.1, 3.9, 6.2, 7.8) with { Label = "位移", Unit = "m" },
        },
        Model = new ModelSpec(model),
    };
}
