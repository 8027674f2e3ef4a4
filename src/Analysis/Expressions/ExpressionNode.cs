namespace LabCharts.Analysis;

/// <summary>
/// A node of a parsed model expression. The tree is evaluated by walking it, or flattened into an
/// <see cref="ExpressionTape"/> for fitting: user text never becomes code (no reflection, no
/// expression compilation), so a hostile expression can at worst produce a number or NaN.
/// </summary>
internal abstract record ExpressionNode
{
    /// <summary>Evaluates the node at <paramref name="x"/> with the parameters in <paramref name="parameters"/>.</summary>
    public abstract double Evaluate(double x, ReadOnlySpan<double> parameters);

    /// <summary>The node as text that parses back to the same tree (fully parenthesised where needed).</summary>
    public abstract override string ToString();
}

/// <summary>A literal number, or <c>pi</c> / <c>e</c> folded to their values.</summary>
internal sealed record NumberNode(double Value) : ExpressionNode
{
    public override double Evaluate(double x, ReadOnlySpan<double> parameters) => Value;

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The independent variable <c>x</c>.</summary>
internal sealed record VariableNode : ExpressionNode
{
    public static VariableNode Instance { get; } = new();

    public override double Evaluate(double x, ReadOnlySpan<double> parameters) => x;

    public override string ToString() => "x";
}

/// <summary>A fitted parameter, by its index in the model's parameter list.</summary>
internal sealed record ParameterNode(int Index, string Name) : ExpressionNode
{
    public override double Evaluate(double x, ReadOnlySpan<double> parameters) => parameters[Index];

    public override string ToString() => Name;
}

/// <summary>Unary minus.</summary>
internal sealed record NegateNode(ExpressionNode Operand) : ExpressionNode
{
    public override double Evaluate(double x, ReadOnlySpan<double> parameters) => -Operand.Evaluate(x, parameters);

    public override string ToString() => $"(-{Operand})";
}

/// <summary>A binary operation: <c>+ - * / ^</c>.</summary>
internal sealed record BinaryNode(char Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override double Evaluate(double x, ReadOnlySpan<double> parameters)
    {
        var left = Left.Evaluate(x, parameters);
        var right = Right.Evaluate(x, parameters);
        return Apply(Operator, left, right);
    }

    /// <summary><paramref name="left"/> <paramref name="op"/> <paramref name="right"/>, as this node computes it.</summary>
    public static double Apply(char op, double left, double right) => op switch
    {
        '+' => left + right,
        '-' => left - right,
        '*' => left * right,
        '/' => left / right,
        _ => Power(left, right),
    };

    // Math.Pow(−8, 1/3.0) is NaN, which is right for a real-valued model; an integer exponent of
    // a negative base is well defined and Math.Pow handles it.
    public static double Power(double b, double e) => e == 2 ? b * b : Math.Pow(b, e);

    public override string ToString() => $"({Left} {Operator} {Right})";
}

/// <summary>A call of one of the built-in functions (<c>exp</c>, <c>ln</c>, <c>sin</c>, …).</summary>
internal sealed record FunctionNode(string Name, ExpressionNode Argument) : ExpressionNode
{
    public override double Evaluate(double x, ReadOnlySpan<double> parameters) =>
        ExpressionFunctions.Apply(Name, Argument.Evaluate(x, parameters));

    public override string ToString() => $"{Name}({Argument})";
}
