namespace LabCharts.Analysis;

/// <summary>
/// Standard reference values for the relative error, used when the request gives none: the
/// exact SI constants (2019 redefinition), the speed of sound in dry air at the room temperature,
/// the first excitation potentials of the Franck–Hertz gases, and common lamp lines.
/// </summary>
internal static class ReferenceValues
{
    /// <summary>Planck constant, J·s (exact since 2019).</summary>
    public const double Planck = 6.62607015e-34;

    /// <summary>Elementary charge, C (exact since 2019).</summary>
    public const double ElementaryCharge = 1.602176634e-19;

    /// <summary>Boltzmann constant, J/K (exact since 2019).</summary>
    public const double Boltzmann = 1.380649e-23;

    /// <summary>Speed of light, m/s.</summary>
    public const double SpeedOfLight = 299792458;

    /// <summary>Standard gravity, m/s² (not a default for the pendulum: local g differs by 0.3 %).</summary>
    public const double StandardGravity = 9.80665;

    /// <summary>Sodium D line (mean of D₁ and D₂) as lab manuals quote it, m.</summary>
    public const double SodiumLine = 589.3e-9;

    /// <summary>He–Ne laser line, m.</summary>
    public const double HeliumNeonLine = 632.8e-9;

    /// <summary>First excitation potential of mercury, V.</summary>
    public const double MercuryExcitation = 4.9;

    /// <summary>First excitation potential of argon as Franck–Hertz tubes show it, V.</summary>
    public const double ArgonExcitation = 11.5;

    /// <summary>Speed of sound in dry air at <paramref name="celsius"/> °C: 331.45·√(1 + t/273.15) m/s.</summary>
    public static double SpeedOfSound(double celsius) => 331.45 * Math.Sqrt(1 + (celsius / 273.15));

    /// <summary>The line of a lamp option (<c>sodium</c>, <c>hene</c>), or null.</summary>
    public static double? Lamp(string? lamp) => lamp?.Trim().ToLowerInvariant() switch
    {
        "sodium" or "na" => SodiumLine,
        "hene" or "he-ne" or "laser" => HeliumNeonLine,
        _ => null,
    };
}
