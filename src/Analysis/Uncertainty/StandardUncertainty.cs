namespace LabCharts.Analysis;

/// <summary>
/// Standard uncertainties as Chinese university physics labs evaluate them: type A from repeated
/// readings, type B from the instrument error, combined in quadrature.
/// </summary>
public static class StandardUncertainty
{
    /// <summary>The mean of the readings.</summary>
    public static double Mean(IReadOnlyList<double> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            throw new ArgumentException("At least one reading is needed.", nameof(readings));
        }

        // Subtracting the first reading first keeps the sum small: repeated readings differ in
        // their last digits only.
        var origin = readings[0];
        var sum = 0.0;
        foreach (var reading in readings)
        {
            sum += reading - origin;
        }

        return origin + (sum / readings.Count);
    }

    /// <summary>Type A: the standard deviation of the mean, s/√n with s from n − 1; 0 for a single reading.</summary>
    public static double TypeA(IReadOnlyList<double> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count < 2)
        {
            return 0;
        }

        var mean = Mean(readings);
        var squares = 0.0;
        foreach (var reading in readings)
        {
            squares += (reading - mean) * (reading - mean);
        }

        var s = Math.Sqrt(squares / (readings.Count - 1));
        return s / Math.Sqrt(readings.Count);
    }

    /// <summary>Type B from an instrument error Δ with a uniform distribution: Δ/√3.</summary>
    public static double TypeB(double instrumentError) => instrumentError / Math.Sqrt(3);

    /// <summary>Combines independent standard uncertainties in quadrature: √(a² + b²).</summary>
    public static double Combine(double typeA, double typeB) => double.Hypot(typeA, typeB);
}
