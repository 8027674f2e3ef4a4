using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>The named nonlinear models of the custom experiment and of the catalogue.</summary>
internal static class BuiltInModels
{
    private static string[] Units(params PhysicalUnit[] units) => [.. units.Select(u => u.SiText)];

    public static BuiltInModel Exponential { get; } = new(
        "exponential", "a*exp(b*x) + c", "y = a·e^(b·x) + c", InitialGuess.Exponential,
        (x, y) => Units(y, x.Pow(-1), y));

    public static BuiltInModel Power { get; } = new(
        "power", "a*x^b", "y = a·x^b", InitialGuess.Power,
        (x, y) => [y.Multiply(x.Pow(-1)).SiText + "^b", ""]);

    public static BuiltInModel Logarithmic { get; } = new(
        "logarithmic", "a*ln(x) + b", "y = a·ln x + b", InitialGuess.Logarithmic,
        (x, y) => Units(y, y));

    public static BuiltInModel Gaussian { get; } = new(
        "gaussian", "a*exp(-(x-mu)^2/(2*sigma^2))", "y = a·e^(−(x−μ)²/(2σ²))", InitialGuess.Gaussian,
        (x, y) => Units(y, x, x));

    public static BuiltInModel Lorentzian { get; } = new(
        "lorentzian", "a/(1 + ((x-x0)/gamma)^2)", "y = a/(1 + ((x−x₀)/γ)²)", InitialGuess.Lorentzian,
        (x, y) => Units(y, x, x));

    public static BuiltInModel DampedSine { get; } = new(
        "damped_sine", "a*exp(-gamma*x)*sin(omega*x + phi) + c", "y = a·e^(−γx)·sin(ωx + φ) + c", InitialGuess.DampedSine,
        (x, y) => [y.SiText, x.Pow(-1).SiText, "rad/" + x.SiText, "rad", y.SiText]);

    public static BuiltInModel Sigmoid { get; } = new(
        "sigmoid", "a/(1 + exp(-(x-x0)/w)) + c", "y = a/(1 + e^(−(x−x₀)/w)) + c", InitialGuess.Sigmoid,
        (x, y) => Units(y, x, x, y));

    public static BuiltInModel Resonance { get; } = new(
        "resonance", "F/sqrt((omega0^2 - x^2)^2 + (2*beta*x)^2)", "y = F/√((ω₀² − x²)² + (2βx)²)", InitialGuess.Resonance,
        (x, y) => Units(y.Multiply(x.Pow(2)), x, x));

    /// <summary>Every model the custom experiment offers by name, in the order the catalogue lists them.</summary>
    public static IReadOnlyList<BuiltInModel> Named { get; } = [Exponential, Power, Logarithmic, Gaussian, Lorentzian, DampedSine, Sigmoid, Resonance];

    /// <summary>
    /// Shockley diode I = I_s·(e^(U/(n·V_T)) − 1) fitted as ln I (relative residuals: the currents
    /// span decades, and an absolute fit would see only the largest). V_T = k·T/e is fixed by the
    /// temperature, so the model is built per request.
    /// </summary>
    public static BuiltInModel Shockley(double thermalVoltage)
    {
        var vt = thermalVoltage.ToString("R", CultureInfo.InvariantCulture);
        return new BuiltInModel(
            "shockley",
            $"ln(Is*(exp(x/(n*{vt})) - 1))",
            "I = I_s·(e^(U/(n·V_T)) − 1)",
            (x, lnI) =>
            {
                // Where U ≫ V_T, ln I ≈ ln I_s + U/(n·V_T): a line through the upper half of the points.
                var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).Skip(x.Length / 2).ToArray();
                var guess = InitialGuess.Logarithmic([.. order.Select(i => Math.Exp(x[i]))], [.. order.Select(i => lnI[i])]);
                return [Math.Exp(guess[1]), 1 / (guess[0] * thermalVoltage)];
            },
            (_, _) => ["A", ""]);
    }
}
