namespace LabCharts.Analysis;

/// <summary>
/// Symbolic partial derivatives of an expression with respect to a parameter, simplified just
/// enough (0 and 1 folded away) that the Jacobian of a model costs about as much as the model.
/// Analytic derivatives matter for the ill-conditioned NIST problems, where finite differences
/// lose half the digits before the solver starts.
/// </summary>
internal static class ExpressionDerivative
{
    private static readonly NumberNode Zero = new(0);
    private static readonly NumberNode One = new(1);
    private static readonly NumberNode Two = new(2);

    /// <summary>∂<paramref name="node"/>/∂p for the parameter with index <paramref name="parameter"/>.</summary>
    public static ExpressionNode Differentiate(ExpressionNode node, int parameter) => node switch
    {
        NumberNode or VariableNode => Zero,
        ParameterNode p => p.Index == parameter ? One : Zero,
        NegateNode n => Negate(Differentiate(n.Operand, parameter)),
        BinaryNode b => Binary(b, parameter),
        FunctionNode f => Multiply(Outer(f), Differentiate(f.Argument, parameter)),
        _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}."),
    };

    private static ExpressionNode Binary(BinaryNode b, int parameter)
    {
        var dl = Differentiate(b.Left, parameter);
        var dr = Differentiate(b.Right, parameter);
        switch (b.Operator)
        {
            case '+':
                return Add(dl, dr);
            case '-':
                return Subtract(dl, dr);
            case '*':
                return Add(Multiply(dl, b.Right), Multiply(b.Left, dr));
            case '/':
                // (l/r)' = l'/r − l·r'/r²
                return Subtract(Divide(dl, b.Right), Divide(Multiply(b.Left, dr), Multiply(b.Right, b.Right)));
            default:
                // (l^r)' = r·l^(r−1)·l' + l^r·ln(l)·r'; the second term only when the exponent
                // depends on the parameter, so x^2 never evaluates ln of a negative base.
                var powerTerm = IsZero(dl) ? Zero : Multiply(Multiply(b.Right, Power(b.Left, Subtract(b.Right, One))), dl);
                var exponentTerm = IsZero(dr) ? Zero : Multiply(Multiply(b, new FunctionNode("ln", b.Left)), dr);
                return Add(powerTerm, exponentTerm);
        }
    }

    // d f(u)/du as a node in u.
    private static ExpressionNode Outer(FunctionNode f)
    {
        var u = f.Argument;
        return f.Name switch
        {
            "exp" => f,
            "ln" => Divide(One, u),
            "log10" => Divide(One, Multiply(u, new NumberNode(Math.Log(10)))),
            "sqrt" => Divide(One, Multiply(Two, f)),
            "sin" => new FunctionNode("cos", u),
            "cos" => Negate(new FunctionNode("sin", u)),
            "tan" => Add(One, Multiply(f, f)),
            "asin" => Divide(One, new FunctionNode("sqrt", Subtract(One, Multiply(u, u)))),
            "acos" => Negate(Divide(One, new FunctionNode("sqrt", Subtract(One, Multiply(u, u))))),
            "atan" => Divide(One, Add(One, Multiply(u, u))),
            "sinh" => new FunctionNode("cosh", u),
            "cosh" => new FunctionNode("sinh", u),
            "tanh" => Subtract(One, Multiply(f, f)),

            // d|u|/du = u/|u| (undefined at 0, where the fit is at a kink anyway).
            "abs" => Divide(u, f),
            _ => throw new InvalidOperationException($"Unknown function {f.Name}."),
        };
    }

    private static bool IsZero(ExpressionNode n) => n is NumberNode { Value: 0 };

    private static bool IsOne(ExpressionNode n) => n is NumberNode { Value: 1 };

    private static ExpressionNode Negate(ExpressionNode a) => a switch
    {
        NumberNode n => new NumberNode(-n.Value),
        NegateNode n => n.Operand,
        _ => new NegateNode(a),
    };

    private static ExpressionNode Add(ExpressionNode a, ExpressionNode b) =>
        IsZero(a) ? b : IsZero(b) ? a : a is NumberNode x && b is NumberNode y ? new NumberNode(x.Value + y.Value) : new BinaryNode('+', a, b);

    private static ExpressionNode Subtract(ExpressionNode a, ExpressionNode b) =>
        IsZero(b) ? a : IsZero(a) ? Negate(b) : a is NumberNode x && b is NumberNode y ? new NumberNode(x.Value - y.Value) : new BinaryNode('-', a, b);

    private static ExpressionNode Multiply(ExpressionNode a, ExpressionNode b)
    {
        if (IsZero(a) || IsZero(b))
        {
            return Zero;
        }

        if (IsOne(a))
        {
            return b;
        }

        if (IsOne(b))
        {
            return a;
        }

        return a is NumberNode x && b is NumberNode y ? new NumberNode(x.Value * y.Value) : new BinaryNode('*', a, b);
    }

    private static ExpressionNode Divide(ExpressionNode a, ExpressionNode b) =>
        IsZero(a) ? Zero : IsOne(b) ? a : new BinaryNode('/', a, b);

    private static ExpressionNode Power(ExpressionNode a, ExpressionNode b) =>
        IsZero(b) ? One : IsOne(b) ? a : new BinaryNode('^', a, b);
}
