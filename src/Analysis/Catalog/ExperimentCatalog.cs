namespace LabCharts.Analysis;

/// <summary>
/// The experiments the service knows, by id, and the one way to run them: <see cref="Validate"/>
/// reads and checks a request without fitting (the API calls it before queuing), and
/// <see cref="Analyze(ValidatedInput)"/> fits once. Adding an experiment is one definition file in
/// <c>Experiments/</c> and one line here.
/// </summary>
public static class ExperimentCatalog
{
    private static readonly IReadOnlyList<Experiment> Entries =
    [
        PendulumExperiment.Experiment, OhmExperiment.Experiment, YoungModulusExperiment.Experiment, HallEffectExperiment.Experiment,
        PhotoelectricExperiment.Experiment, new FranckHertzExperiment(), NewtonRingsExperiment.Experiment, ThermalExpansionExperiment.Experiment,
        new RcCircuitExperiment(), ThermistorExperiment.Experiment, SoundSpeedExperiment.Experiment, GratingExperiment.Experiment,
        new ForcedOscillationExperiment(), new CoolingExperiment(), new DiodeExperiment(), MichelsonExperiment.Experiment,
        new CustomExperiment(),
    ];

    private static readonly Dictionary<string, Experiment> ById = Entries.ToDictionary(e => e.Definition.Id, StringComparer.Ordinal);

    /// <summary>Every experiment, in catalogue order.</summary>
    public static IReadOnlyList<IExperiment> All => Entries;

    /// <summary>The experiment with this id; throws <see cref="AnalysisException"/> <c>unknown_experiment</c>.</summary>
    public static IExperiment Get(string id) => Find(id);

    /// <summary>
    /// Reads and checks a request without fitting: model kind, options, columns, constants and the
    /// experiment's cheap preconditions, in the order the README lists. Throws
    /// <see cref="AnalysisException"/> on the first fault. What only a fit can find (a non-physical
    /// slope, no convergence, no exponential settling) is left to <see cref="Analyze(ValidatedInput)"/>.
    /// </summary>
    public static ValidatedInput Validate(ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var experiment = Find(input.Experiment);
        var kinds = experiment.ModelKinds;
        var kind = ModelSelection.Select(input.Model, kinds, kinds[0]);
        if ((input.Method == LineMethod.SuccessiveDifferences || input.Compare) && !experiment.SupportsSuccessiveDifferences(kind))
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.InvalidOption, new InputField(input.Method == LineMethod.SuccessiveDifferences ? "options.method" : "options.compare", "方法", "method"),
                $"逐差法只适用于自变量等间距的直线实验（young_modulus、sound_speed、michelson、thermal_expansion、newton_rings、hall_effect、custom 的 linear 模型），不适用于 {experiment.Definition.Id}{(experiment.Definition.Id == "custom" ? " 的 " + kind + " 模型" : "")}。",
                $"The method of successive differences applies to straight-line experiments with equally spaced x (young_modulus, sound_speed, michelson, thermal_expansion, newton_rings, hall_effect, custom with the linear model), not to {experiment.Definition.Id}{(experiment.Definition.Id == "custom" ? " with the " + kind + " model" : "")}.");
        }

        ExperimentOptions.CheckKnown(input, experiment.Definition.Options);
        var options = experiment.Definition.Options.ToDictionary(o => o.Key, o => ExperimentOptions.Read(input, o), StringComparer.Ordinal);
        var reading = ExperimentInputReader.Read(experiment.Definition, input);
        var validated = new ValidatedInput(experiment, input, kind, options, reading);
        experiment.Check(validated);
        return validated;
    }

    /// <summary>Fits a validated request once and computes the quantities and chart data.</summary>
    public static AnalysisResult Analyze(ValidatedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var experiment = input.Entry;
        AnalysisMetrics.CountFit(experiment.Definition.Id);
        var run = input.ForRun();
        var outcome = experiment.Evaluate(run);
        if (!input.Input.Compare)
        {
            return ExperimentReport.Build(run, outcome, null);
        }

        // Both line methods on the same points: the other one on a copy of the request, its notes dropped
        // (they repeat this run's).
        var otherMethod = input.Input.Method == LineMethod.SuccessiveDifferences ? LineMethod.LeastSquares : LineMethod.SuccessiveDifferences;
        var other = experiment.Evaluate(input.WithMethod(otherMethod));
        return ExperimentReport.Build(run, outcome, other);
    }

    /// <summary>Validates, then analyses: <c>Analyze(Validate(input))</c>.</summary>
    public static AnalysisResult Analyze(ExperimentInput input) => Analyze(Validate(input));

    private static Experiment Find(string id) =>
        id is not null && ById.TryGetValue(id, out var experiment)
            ? experiment
            : throw AnalysisErrors.UnknownExperiment(id ?? "", ById.Keys);
}
