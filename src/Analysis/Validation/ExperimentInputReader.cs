namespace LabCharts.Analysis;

/// <summary>
/// Reads a request against an experiment definition: checks every column and constant, converts
/// them to SI, and reduces each point's readings to a mean and a combined standard uncertainty.
/// Model-specific checks (enough points, x not degenerate) belong to the fitters.
/// </summary>
/// <remarks>
/// Per point: u_A is the column's given error when <see cref="ColumnInput.Errors"/> is present,
/// otherwise s/√n from the repeated readings (0 for a single reading); u_B = Δ/√3 from
/// <see cref="ColumnInput.InstrumentError"/>; u = √(u_A² + u_B²). The user's error replaces the
/// type A estimate rather than adding to it, because a student who types errors has already
/// evaluated the scatter of the readings.
/// </remarks>
internal static class ExperimentInputReader
{
    public static ExperimentReading Read(ExperimentDefinition definition, ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(input);
        var columns = input.Columns ?? new Dictionary<string, ColumnInput>();
        var knownColumns = definition.Columns.Select(c => c.Key).ToList();

        // A missing column is reported before an unknown one: for "Len" typed instead of "L",
        // "L is missing" names the column the student has to provide.
        foreach (var column in definition.Columns)
        {
            var present = columns.TryGetValue(column.Key, out var given) && given is not null;
            if (column.AlternativeTo is { } other)
            {
                var otherPresent = columns.TryGetValue(other, out var otherGiven) && otherGiven is not null;
                if (present && otherPresent)
                {
                    throw AnalysisErrors.Custom(
                        AnalysisErrorCodes.AmbiguousColumns, InputField.Column(column),
                        $"列 {column.Key} 与列 {other} 只能给出其中一个。",
                        $"Give either column {column.Key} or column {other}, not both.");
                }

                if (!present && !otherPresent && string.CompareOrdinal(column.Key, other) < 0)
                {
                    throw AnalysisErrors.Custom(
                        AnalysisErrorCodes.MissingColumn, InputField.Column(column),
                        $"缺少列 {column.Key}（或列 {other}）。",
                        $"Missing column {column.Key} (or column {other}).");
                }

                continue;
            }

            if (column.Required && !present)
            {
                throw AnalysisErrors.MissingColumn(InputField.Column(column));
            }
        }

        // Sorted so that the error reported for a request with several faults does not depend on
        // dictionary order.
        foreach (var key in columns.Keys.Order(StringComparer.Ordinal))
        {
            if (!knownColumns.Contains(key))
            {
                throw AnalysisErrors.UnknownColumn(InputField.Column(key), knownColumns);
            }
        }

        var read = new Dictionary<string, MeasuredColumn>(StringComparer.Ordinal);
        foreach (var column in definition.Columns)
        {
            if (columns.TryGetValue(column.Key, out var given) && given is not null)
            {
                read[column.Key] = ReadColumn(column, given, input.Uncertainty, input.Outliers);
            }
        }

        var first = read.Values.FirstOrDefault();
        var mismatched = read.Values.FirstOrDefault(c => c.Count != first!.Count);
        if (first is not null && mismatched is not null)
        {
            throw AnalysisErrors.LengthMismatch(mismatched.Field, mismatched.Count, first.Field, first.Count);
        }

        return new ExperimentReading(read, ReadConstants(definition, input.Constants ?? new Dictionary<string, ConstantInput>()));
    }

    public static MeasuredColumn ReadColumn(ColumnDefinition definition, ColumnInput input) =>
        ReadColumn(definition, input, UncertaintyConvention.Default, OutlierPolicy.Default);

    /// <summary>
    /// Reads one column: checks, converts to SI, looks for outliers among each point's repeated
    /// readings (<paramref name="outliers"/>; excluded from the mean when it says so) and reduces each
    /// point to its mean and u_A (<paramref name="convention"/>: s/√n or t_p·s/√n), u_B and u_C.
    /// </summary>
    public static MeasuredColumn ReadColumn(ColumnDefinition definition, ColumnInput input, UncertaintyConvention convention, OutlierPolicy outliers)
    {
        var field = InputField.Column(definition);
        var points = input.Readings;
        if (points is null || points.Count == 0)
        {
            throw AnalysisErrors.EmptyColumn(field);
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is null || points[i].Count == 0)
            {
                throw AnalysisErrors.EmptyPoint(field, i);
            }

            if (points[i].Count > 1 && !definition.AllowsRepeatedReadings)
            {
                throw AnalysisErrors.RepeatedReadings(field, i);
            }

            for (var j = 0; j < points[i].Count; j++)
            {
                if (!double.IsFinite(points[i][j]))
                {
                    throw AnalysisErrors.NotFiniteReading(field, i, j, points[i].Count > 1);
                }
            }
        }

        if (input.Errors is { } errors)
        {
            if (errors.Count != 1 && errors.Count != points.Count)
            {
                throw AnalysisErrors.ErrorsLengthMismatch(field, errors.Count, points.Count);
            }

            if (errors.Any(e => !double.IsFinite(e)))
            {
                throw AnalysisErrors.NotFinite(field, "误差", "error");
            }

            if (errors.Any(e => e < 0))
            {
                throw AnalysisErrors.NegativeError(field, "误差", "error");
            }
        }

        if (input.InstrumentError is { } delta)
        {
            if (!double.IsFinite(delta))
            {
                throw AnalysisErrors.NotFinite(field, "仪器误差", "instrument error");
            }

            if (delta < 0)
            {
                throw AnalysisErrors.NegativeError(field, "仪器误差", "instrument error");
            }
        }

        var unit = ReadUnit(field, input.Unit, definition.Unit);
        var target = definition.Unit.Length > 0 ? PhysicalUnit.Parse(definition.Unit)! : unit.ToSi();
        if (definition.IsIndex)
        {
            CheckIndex(field, points.Select(p => p[0]).ToList(), input);
        }

        if (definition.MustBePositive)
        {
            for (var i = 0; i < points.Count; i++)
            {
                for (var j = 0; j < points[i].Count; j++)
                {
                    if (points[i][j] <= 0)
                    {
                        throw AnalysisErrors.NonPositiveReading(field, points[i][j], i, j, points[i].Count > 1);
                    }
                }
            }
        }

        var typeB = StandardUncertainty.TypeB(input.InstrumentError ?? 0);
        var values = new double[points.Count];
        var uncertainties = new double[points.Count];
        var summaries = new ProcessedPoint[points.Count];
        var flagged = new List<ReadingOutlier>();
        for (var i = 0; i < points.Count; i++)
        {
            var kept = KeepReadings(field, i, points[i], outliers, flagged);
            var typeA = input.Errors is { } given
                ? given[given.Count == 1 ? 0 : i]
                : convention.TypeAOf(kept);
            values[i] = unit.ConvertValue(StandardUncertainty.Mean(kept), target);
            uncertainties[i] = unit.ConvertDifference(StandardUncertainty.Combine(typeA, typeB), target);
            summaries[i] = new ProcessedPoint(kept.Count, values[i], unit.ConvertDifference(typeA, target), unit.ConvertDifference(typeB, target), uncertainties[i]);
            if (!double.IsFinite(values[i]) || !double.IsFinite(uncertainties[i]))
            {
                throw AnalysisErrors.NotFinite(field, "换算后的值", "converted value");
            }
        }

        return new MeasuredColumn(field, values, uncertainties, target)
        {
            Points = summaries,
            Outliers = flagged,
            TypeB = unit.ConvertDifference(typeB, target),
        };
    }

    // The readings that make the point's mean: all of them, or (excluding) all but those the test flags.
    // Flagged readings are reported either way, with the statistic the test compared.
    private static IReadOnlyList<double> KeepReadings(InputField field, int point, IReadOnlyList<double> readings, OutlierPolicy policy, List<ReadingOutlier> flagged)
    {
        if (policy.Test is not { } test || readings.Count < 3)
        {
            return readings;
        }

        var found = Outliers.Evaluate(readings, test, policy.Alpha);
        if (found.Count == 0)
        {
            return readings;
        }

        flagged.AddRange(found.Select(o => new ReadingOutlier(field.Path, point, o.Index, readings[o.Index], Outliers.Name(test), o.Statistic, o.Critical, policy.Exclude)));
        var excluded = found.Select(o => o.Index).ToHashSet();
        return policy.Exclude ? [.. readings.Where((_, j) => !excluded.Contains(j))] : readings;
    }

    // Ring numbers, orders and fringe counts are exact integers in increasing order; a decreasing
    // or repeated index is almost always a transcription slip that would silently flip a slope.
    private static void CheckIndex(InputField field, List<double> indices, ColumnInput input)
    {
        for (var i = 0; i < indices.Count; i++)
        {
            if (Math.Abs(indices[i] - Math.Round(indices[i])) > 1e-9 || (i > 0 && !(indices[i] > indices[i - 1])))
            {
                throw AnalysisErrors.Custom(
                    AnalysisErrorCodes.IndicesNotIncreasing, field,
                    $"{field.NameZh}应为严格递增的整数，但第 {i + 1} 个值是 {indices[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}。",
                    $"{field.NameEn} must be strictly increasing integers, but value {i + 1} is {indices[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                    capitalize: true);
            }
        }

        if (input.Errors is not null || input.InstrumentError is not null)
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.RepeatedReadingsNotAllowed, field,
                $"{field.NameZh}是序号，不能带误差。",
                $"{field.NameEn} is an index and takes no errors.",
                capitalize: true);
        }
    }

    private static Dictionary<string, MeasuredConstant> ReadConstants(
        ExperimentDefinition definition, IReadOnlyDictionary<string, ConstantInput> constants)
    {
        var known = definition.Constants.Select(c => c.Key).ToList();
        foreach (var constant in definition.Constants)
        {
            if (constant.Required && constant.Default is null && (!constants.TryGetValue(constant.Key, out var given) || given is null))
            {
                throw AnalysisErrors.MissingConstant(InputField.Constant(constant));
            }
        }

        foreach (var key in constants.Keys.Order(StringComparer.Ordinal))
        {
            if (!known.Contains(key))
            {
                throw AnalysisErrors.UnknownConstant(InputField.Constant(key), known);
            }
        }

        var read = new Dictionary<string, MeasuredConstant>(StringComparer.Ordinal);
        foreach (var constant in definition.Constants)
        {
            var field = InputField.Constant(constant);
            if (!constants.TryGetValue(constant.Key, out var given) || given is null)
            {
                // Required constants without a default were refused above.
                if (constant.Default is { } value)
                {
                    read[constant.Key] = new MeasuredConstant(value, 0, Given: false);
                }

                continue;
            }

            if (!double.IsFinite(given.Value))
            {
                throw AnalysisErrors.NotFinite(field, "值", "value");
            }

            if (given.Uncertainty is { } u && !double.IsFinite(u))
            {
                throw AnalysisErrors.NotFinite(field, "不确定度", "uncertainty");
            }

            if (given.Uncertainty < 0)
            {
                throw AnalysisErrors.NegativeError(field, "不确定度", "uncertainty");
            }

            var unit = ReadUnit(field, given.Unit, constant.Unit);
            if (constant.MustBePositive && given.Value <= 0)
            {
                throw AnalysisErrors.NonPositiveValue(field, given.Value);
            }

            var target = constant.Unit.Length > 0 ? PhysicalUnit.Parse(constant.Unit)! : unit.ToSi();
            var converted = new MeasuredConstant(unit.ConvertValue(given.Value, target), unit.ConvertDifference(given.Uncertainty ?? 0, target), Given: true);
            if (!double.IsFinite(converted.Value) || !double.IsFinite(converted.Uncertainty))
            {
                throw AnalysisErrors.NotFinite(field, "换算后的值", "converted value");
            }

            read[constant.Key] = converted;
        }

        return read;
    }

    /// <summary>
    /// Parses a unit and checks it against the expected SI unit. A missing unit means the expected
    /// one; an empty expected unit (custom columns) accepts any unit.
    /// </summary>
    private static PhysicalUnit ReadUnit(InputField field, string? unit, string expected)
    {
        var expectedUnit = PhysicalUnit.Parse(expected)
            ?? throw new InvalidOperationException($"The catalogue unit '{expected}' of {field.Path} does not parse.");
        if (string.IsNullOrWhiteSpace(unit))
        {
            return expectedUnit;
        }

        var parsed = PhysicalUnit.Parse(unit) ?? throw AnalysisErrors.UnknownUnit(field, unit);
        if (expected.Length > 0 && !parsed.IsCompatibleWith(expectedUnit))
        {
            throw AnalysisErrors.IncompatibleUnit(field, unit, expected);
        }

        return parsed;
    }
}
