namespace LabCharts.Analysis.Tests;

public sealed class ValidationTests
{
    private static ExperimentInput PendulumWith(string key, ColumnInput column)
    {
        var input = TestInputs.Pendulum();
        var columns = new Dictionary<string, ColumnInput>(input.Columns) { [key] = column };
        return input with { Columns = columns };
    }

    private static ExperimentInput PendulumWithConstant(string key, ConstantInput constant) =>
        TestInputs.Pendulum() with { Constants = new Dictionary<string, ConstantInput> { [key] = constant } };

    private static ExperimentInput CustomWith(string model, ColumnInput x, ColumnInput y) =>
        TestInputs.Custom(model) with { Columns = new Dictionary<string, ColumnInput> { ["x"] = x, ["y"] = y } };

    // Scenario → the bad request. Each is one fault in an otherwise good request.
    private static readonly Dictionary<string, Func<ExperimentInput>> Scenarios = new()
    {
        ["unknown experiment"] = () => TestInputs.Pendulum() with { Experiment = "spectrometer" },
        ["custom model unknown"] = () => TestInputs.Custom("spline"),
        ["pendulum with another model"] = () => TestInputs.Pendulum() with { Model = new ModelSpec("proportional") },
        ["missing T"] = () => TestInputs.Pendulum() with { Columns = new Dictionary<string, ColumnInput> { ["L"] = TestInputs.PendulumLength() } },
        ["extra column"] = () => PendulumWith("x", TestInputs.Single(1, 2, 3, 4, 5)),
        ["misspelt column"] = () => TestInputs.Pendulum() with
        {
            Columns = new Dictionary<string, ColumnInput> { ["Len"] = TestInputs.PendulumLength(), ["T"] = TestInputs.PendulumPeriod() },
        },
        ["fewer T than L"] = () => PendulumWith("T", TestInputs.Single(1.42, 1.55, 1.68, 1.79)),
        ["two errors for five points"] = () => PendulumWith("T", TestInputs.PendulumPeriod() with { Errors = [0.001, 0.002] }),
        ["NaN reading"] = () => PendulumWith("T", TestInputs.Single(1.42, double.NaN, 1.68, 1.79, 1.90)),
        ["infinite instrument error"] = () => PendulumWith("L", TestInputs.PendulumLength() with { InstrumentError = double.PositiveInfinity }),
        ["NaN error"] = () => PendulumWith("T", TestInputs.PendulumPeriod() with { Errors = [double.NaN] }),
        ["infinite constant"] = () => PendulumWithConstant("g_ref", new ConstantInput(double.PositiveInfinity)),
        ["overflow after conversion"] = () => PendulumWith("L", TestInputs.Single(0.5, 0.6, 0.7, 0.8, 1e306) with { Unit = "km" }),
        ["pendulum with two points"] = () => TestInputs.Pendulum() with
        {
            Columns = new Dictionary<string, ColumnInput> { ["L"] = TestInputs.Single(0.5, 0.6), ["T"] = TestInputs.Single(1.42, 1.55) },
        },
        ["proportional with one point"] = () => CustomWith("proportional", TestInputs.Single(1), TestInputs.Single(2)),
        ["zero length"] = () => PendulumWith("L", TestInputs.Single(0, 0.6, 0.7, 0.8, 0.9)),
        ["negative period reading"] = () => PendulumWith("T", TestInputs.Repeated([1.419, -1.421, 1.418], [1.55], [1.68], [1.79], [1.90])),
        ["zero reference"] = () => PendulumWithConstant("g_ref", new ConstantInput(0)),
        ["point without readings"] = () => PendulumWith("T", TestInputs.Repeated([1.42], [], [1.68], [1.79], [1.90])),
        ["column without points"] = () => PendulumWith("T", TestInputs.Repeated()),
        ["negative error"] = () => PendulumWith("T", TestInputs.PendulumPeriod() with { Errors = [-0.001] }),
        ["negative instrument error"] = () => PendulumWith("L", TestInputs.PendulumLength() with { InstrumentError = -0.0005 }),
        ["negative constant uncertainty"] = () => PendulumWithConstant("g_ref", new ConstantInput(9.794, "m/s^2", -0.001)),
        ["unit furlong"] = () => PendulumWith("L", TestInputs.PendulumLength() with { Unit = "furlong" }),
        ["dangling caret"] = () => PendulumWith("L", TestInputs.PendulumLength() with { Unit = "m^" }),
        ["custom unit unknown"] = () => CustomWith("linear", TestInputs.Single(1, 2, 3) with { Unit = "bananas" }, TestInputs.Single(1, 2, 4)),
        ["length in seconds"] = () => PendulumWith("L", TestInputs.PendulumLength() with { Unit = "s" }),
        ["reference in metres"] = () => PendulumWithConstant("g_ref", new ConstantInput(9.794, "m")),
        ["unknown constant"] = () => PendulumWithConstant("lambda", new ConstantInput(589.3, "nm")),
        ["custom takes no constants"] = () => TestInputs.Custom() with { Constants = new Dictionary<string, ConstantInput> { ["a"] = new(1) } },
        ["all lengths equal"] = () => PendulumWith("L", TestInputs.Single(0.5, 0.5, 0.5, 0.5, 0.5)),
        ["proportional all x zero"] = () => CustomWith("proportional", TestInputs.Single(0, 0, 0), TestInputs.Single(1, 2, 3)),
    };

    public static TheoryData<string, string, string> Cases => new()
    {
        { "unknown experiment", "unknown_experiment", "experiment" },
        { "custom model unknown", "unknown_model", "model" },
        { "pendulum with another model", "unknown_model", "model" },
        { "missing T", "missing_column", "data.T" },
        { "extra column", "unknown_column", "data.x" },
        { "misspelt column", "missing_column", "data.L" },
        { "fewer T than L", "length_mismatch", "data.T" },
        { "two errors for five points", "length_mismatch", "data.T" },
        { "NaN reading", "not_finite", "data.T" },
        { "infinite instrument error", "not_finite", "data.L" },
        { "NaN error", "not_finite", "data.T" },
        { "infinite constant", "not_finite", "constants.g_ref" },
        { "overflow after conversion", "not_finite", "data.L" },
        { "pendulum with two points", "too_few_points", "data.L" },
        { "proportional with one point", "too_few_points", "data.x" },
        { "zero length", "non_positive_value", "data.L" },
        { "negative period reading", "non_positive_value", "data.T" },
        { "zero reference", "non_positive_value", "constants.g_ref" },
        { "point without readings", "empty_readings", "data.T" },
        { "column without points", "empty_readings", "data.T" },
        { "negative error", "negative_error", "data.T" },
        { "negative instrument error", "negative_error", "data.L" },
        { "negative constant uncertainty", "negative_error", "constants.g_ref" },
        { "unit furlong", "unknown_unit", "data.L" },
        { "dangling caret", "unknown_unit", "data.L" },
        { "custom unit unknown", "unknown_unit", "data.x" },
        { "length in seconds", "incompatible_unit", "data.L" },
        { "reference in metres", "incompatible_unit", "constants.g_ref" },
        { "unknown constant", "unknown_constant", "constants.lambda" },
        { "custom takes no constants", "unknown_constant", "constants.a" },
        { "all lengths equal", "degenerate_x", "data.L" },
        { "proportional all x zero", "degenerate_x", "data.x" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_BadInput_ThrowsCodeWithField(string scenario, string code, string field)
    {
        var input = Scenarios[scenario]();

        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(input));

        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageZh));
        Assert.Equal(error.MessageEn, error.Message);
    }

    // Validate exists so the API can refuse before queuing: Analyze must reject the same way.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyze_BadInput_ThrowsSameCodeAsValidate(string scenario, string code, string field)
    {
        var input = Scenarios[scenario]();

        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Analyze(input));

        Assert.Equal((code, field), (error.Code, error.Field));
    }

    // Only the fit can tell that T² falls as L grows: validation (no fit) lets the request through,
    // analysis refuses it. The field is the line's x column, L, as for every straight-line experiment.
    [Fact]
    public void Analyze_SlopeOnlyTheFitFinds_PassesValidateThenThrowsNonPhysicalSlope()
    {
        var input = PendulumWith("T", TestInputs.Single(1.90, 1.79, 1.68, 1.55, 1.42));

        ExperimentCatalog.Validate(input);
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Analyze(input));

        Assert.Equal(("non_physical_slope", "data.L"), (error.Code, error.Field));
        Assert.Equal("拟合得到的斜率 k ≤ 0（T² 没有随摆长 L 增大），无法计算 g。请检查 L 与 T 是否一一对应。", error.MessageZh);
    }

    // Messages name the column so a student knows what to fix, in both languages.
    [Theory]
    [InlineData("missing T", "T")]
    [InlineData("zero length", "L")]
    [InlineData("length in seconds", "L")]
    [InlineData("unknown constant", "lambda")]
    public void Validate_BadInput_MessagesNameTheField(string scenario, string key)
    {
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(Scenarios[scenario]()));

        Assert.Contains(key, error.MessageZh, StringComparison.Ordinal);
        Assert.Contains(key, error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooFewPoints_ExplainsInChinese()
    {
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(Scenarios["pendulum with two points"]()));

        Assert.Equal("列 L（摆长）只有 2 个数据点；带截距的直线拟合至少需要 3 个（拟合后还要留下自由度来估计不确定度）。", error.MessageZh);
    }

    [Fact]
    public void Validate_GoodRequests_DoNotThrow()
    {
        ExperimentCatalog.Validate(TestInputs.Pendulum());
        ExperimentCatalog.Validate(TestInputs.Custom());
        ExperimentCatalog.Validate(TestInputs.Custom("Proportional"));
        ExperimentCatalog.Validate(CustomWith("proportional", TestInputs.Single(1, 2), TestInputs.Single(2, 4.1)));
    }

    // No experiment in this cut requires a constant, so missing_constant is checked on the reader
    // with a definition that does (as young_modulus will).
    [Fact]
    public void Read_RequiredConstantAbsent_ThrowsMissingConstant()
    {
        var definition = new ExperimentDefinition(
            "test", "测试", "test",
            [new ColumnDefinition("x", "x", "x", "m", true, false)],
            [new ConstantDefinition("L0", "原长", "initial length", "m", Default: null, Required: true)],
            "y = k·x", []);
        var input = new ExperimentInput
        {
            Experiment = "test",
            Columns = new Dictionary<string, ColumnInput> { ["x"] = TestInputs.Single(1, 2, 3) },
        };

        var error = Assert.Throws<AnalysisException>(() => ExperimentInputReader.Read(definition, input));

        Assert.Equal(("missing_constant", "constants.L0"), (error.Code, error.Field));
        Assert.Contains("L0", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OptionalConstantWithDefault_UsesDefault()
    {
        var definition = new ExperimentDefinition(
            "test", "测试", "test",
            [new ColumnDefinition("x", "x", "x", "m", true, false)],
            [new ConstantDefinition("lambda", "波长", "wavelength", "m", Default: 589.3e-9, Required: false)],
            "y = k·x", []);
        var input = new ExperimentInput
        {
            Experiment = "test",
            Columns = new Dictionary<string, ColumnInput> { ["x"] = TestInputs.Single(1, 2, 3) },
        };

        var reading = ExperimentInputReader.Read(definition, input);

        Assert.Equal(589.3e-9, reading.Constants["lambda"].Value);
        Assert.False(reading.Constants["lambda"].Given);
    }

    [Fact]
    public void Read_ConstantInOtherUnit_ConvertsToSi()
    {
        var definition = new ExperimentDefinition(
            "test", "测试", "test",
            [new ColumnDefinition("x", "x", "x", "m", true, false)],
            [new ConstantDefinition("lambda", "波长", "wavelength", "m", Default: null, Required: true)],
            "y = k·x", []);
        var input = new ExperimentInput
        {
            Experiment = "test",
            Columns = new Dictionary<string, ColumnInput> { ["x"] = TestInputs.Single(1, 2, 3) },
            Constants = new Dictionary<string, ConstantInput> { ["lambda"] = new(589.3, "nm", 0.1) },
        };

        var lambda = ExperimentInputReader.Read(definition, input).Constants["lambda"];

        Assert.Equal(589.3e-9, lambda.Value, 1e-20);
        Assert.Equal(0.1e-9, lambda.Uncertainty, 1e-22);
    }

    [Fact]
    public void ReadColumn_RepeatedReadingsWhereOneAllowed_ThrowsRepeatedReadingsNotAllowed()
    {
        var ringNumber = new ColumnDefinition("m", "环序数", "ring number", "", Required: true, AllowsRepeatedReadings: false);

        var error = Assert.Throws<AnalysisException>(() =>
            ExperimentInputReader.ReadColumn(ringNumber, TestInputs.Repeated([5], [10, 10])));

        Assert.Equal(("repeated_readings_not_allowed", "data.m"), (error.Code, error.Field));
        Assert.Contains("第 2 个", error.MessageZh, StringComparison.Ordinal);
    }
}
