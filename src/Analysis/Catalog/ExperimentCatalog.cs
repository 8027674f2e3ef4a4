namespace LabCharts.Analysis;

/// <summary>
/// The experiments the service knows, by id. Adding an experiment is one <see cref="IExperiment"/>
/// class and one line here.
/// </summary>
public static class ExperimentCatalog
{
    private static readonly Dictionary<string, IExperiment> ById;

    static ExperimentCatalog()
    {
        All =
        [
            new PendulumExperiment(), new OhmExperiment(), new YoungModulusExperiment(), new HallEffectExperiment(),
            new PhotoelectricExperiment(), new FranckHertzExperiment(), new NewtonRingsExperiment(), new ThermalExpansionExperiment(),
            new RcCircuitExperiment(), new ThermistorExperiment(), new SoundSpeedExperiment(), new GratingExperiment(),
            new ForcedOscillationExperiment(), new CoolingExperiment(), new DiodeExperiment(), new MichelsonExperiment(),
            new CustomExperiment(),
        ];
        ById = All.ToDictionary(e => e.Definition.Id, StringComparer.Ordinal);
    }

    /// <summary>Every experiment, in catalogue order.</summary>
    public static IReadOnlyList<IExperiment> All { get; }

    /// <summary>The experiment with this id; throws <see cref="AnalysisException"/> <c>unknown_experiment</c>.</summary>
    public static IExperiment Get(string id) =>
        id is not null && ById.TryGetValue(id, out var experiment)
            ? experiment
            : throw AnalysisErrors.UnknownExperiment(id ?? "", ById.Keys);

    /// <summary>Validates a request with its experiment: every <see cref="AnalysisException"/> <see cref="Analyze"/> would throw.</summary>
    public static void Validate(ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Get(input.Experiment).Validate(input);
    }

    /// <summary>Analyzes a request with its experiment.</summary>
    public static AnalysisResult Analyze(ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Get(input.Experiment).Analyze(input);
    }
}
