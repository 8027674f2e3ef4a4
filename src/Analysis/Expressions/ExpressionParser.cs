using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>
/// Recursive-descent parser for model expressions such as <c>b1*(1-exp(-b2*x))</c>. Grammar
/// (lowest precedence first): sum of terms with <c>+ -</c>; product of factors with <c>* /</c>;
/// unary <c>- +</c>; power <c>^</c> (or <c>**</c>, right-associative, binding tighter than unary
/// minus, so <c>-x^2</c> is −(x²)); primaries: numbers (<c>2</c>, <c>.5</c>, <c>1.5e-3</c>), <c>x</c>,
/// <c>pi</c>, <c>e</c>, function calls, parameters (any other identifier) and parenthesised
/// (or bracketed, as the NIST files write) sub-expressions.
/// </summary>
/// <remarks>
/// Every error names the 1-based character position, so the API's problem+json can point at it.
/// </remarks>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly List<string> _parameters = [];
    private int _position;

    private ExpressionParser(string text) => _text = text;

    /// <summary>
    /// Parses <paramref name="text"/>. Parameters are numbered in the order of
    /// <paramref name="order"/> (those it lists), then in order of first appearance.
    /// </summary>
    public static (ExpressionNode Root, IReadOnlyList<string> Parameters) Parse(string? text, IEnumerable<string>? order = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw AnalysisErrors.InvalidExpression(1, "表达式为空", "the expression is empty");
        }

        if (text.Length > 2000)
        {
            throw AnalysisErrors.InvalidExpression(2001, "表达式过长（最多 2000 个字符）", "the expression is too long (at most 2000 characters)");
        }

        var parser = new ExpressionParser(text);
        parser._parameters.AddRange(order ?? []);
        var root = parser.ParseSum(depth: 0);
        parser.SkipSpaces();
        if (parser._position < text.Length)
        {
            throw parser.Unexpected();
        }

        // Names listed in the order but absent from the text are dropped; indices of later names shift.
        var used = new HashSet<string>(StringComparer.Ordinal);
        Collect(root, used);
        if (used.Count != parser._parameters.Count)
        {
            var kept = parser._parameters.Where(used.Contains).ToList();
            return (Renumber(root, kept), kept);
        }

        return (root, parser._parameters);
    }

    private static void Collect(ExpressionNode node, HashSet<string> names)
    {
        switch (node)
        {
            case ParameterNode p:
                names.Add(p.Name);
                break;
            case NegateNode n:
                Collect(n.Operand, names);
                break;
            case BinaryNode b:
                Collect(b.Left, names);
                Collect(b.Right, names);
                break;
            case FunctionNode f:
                Collect(f.Argument, names);
                break;
        }
    }

    private static ExpressionNode Renumber(ExpressionNode node, List<string> names) => node switch
    {
        ParameterNode p => new ParameterNode(names.IndexOf(p.Name), p.Name),
        NegateNode n => new NegateNode(Renumber(n.Operand, names)),
        BinaryNode b => new BinaryNode(b.Operator, Renumber(b.Left, names), Renumber(b.Right, names)),
        FunctionNode f => new FunctionNode(f.Name, Renumber(f.Argument, names)),
        _ => node,
    };

    private ExpressionNode ParseSum(int depth)
    {
        GuardDepth(depth);
        var left = ParseProduct(depth);
        while (true)
        {
            SkipSpaces();
            var c = Peek();
            if (c is not ('+' or '-'))
            {
                return left;
            }

            _position++;
            left = new BinaryNode(c, left, ParseProduct(depth));
        }
    }

    private ExpressionNode ParseProduct(int depth)
    {
        var left = ParseUnary(depth);
        while (true)
        {
            SkipSpaces();
            var c = Peek();
            if (c is not ('*' or '/' or '·' or '×') || IsDoubleStar())
            {
                return left;
            }

            _position++;
            left = new BinaryNode(c == '/' ? '/' : '*', left, ParseUnary(depth));
        }
    }

    private ExpressionNode ParseUnary(int depth)
    {
        SkipSpaces();
        var c = Peek();
        if (c is '-' or '−' or '+')
        {
            _position++;
            GuardDepth(depth + 1);
            var operand = ParseUnary(depth + 1);
            return c == '+' ? operand : new NegateNode(operand);
        }

        return ParsePower(depth);
    }

    private ExpressionNode ParsePower(int depth)
    {
        var b = ParsePrimary(depth);
        SkipSpaces();
        if (Peek() == '^' || IsDoubleStar())
        {
            _position += Peek() == '^' ? 1 : 2;
            GuardDepth(depth + 1);

            // The exponent may carry its own sign (2^-1) and is right-associative (2^3^2 = 2^9).
            return new BinaryNode('^', b, ParseUnary(depth + 1));
        }

        return b;
    }

    private ExpressionNode ParsePrimary(int depth)
    {
        SkipSpaces();
        var c = Peek();
        if (c is '(' or '[')
        {
            var open = _position++;
            var inner = ParseSum(depth + 1);
            SkipSpaces();
            var close = c == '(' ? ')' : ']';
            if (Peek() != close)
            {
                throw _position >= _text.Length
                    ? AnalysisErrors.InvalidExpression(open + 1, $"第 {open + 1} 个字符处的括号没有闭合", $"the bracket at position {open + 1} is never closed")
                    : Unexpected();
            }

            _position++;
            return inner;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return ParseNumber();
        }

        if (char.IsAsciiLetter(c) || c == '_' || c is 'π')
        {
            return ParseIdentifier(depth);
        }

        throw Unexpected();
    }

    private NumberNode ParseNumber()
    {
        var start = _position;
        while (char.IsAsciiDigit(Peek()) || Peek() == '.')
        {
            _position++;
        }

        if (Peek() is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _position += 2;
            while (char.IsAsciiDigit(Peek()))
            {
                _position++;
            }
        }

        var token = _text[start.._position];
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw AnalysisErrors.InvalidExpression(start + 1, $"无法识别的数字“{token}”", $"'{token}' is not a number");
        }

        return new NumberNode(value);
    }

    private ExpressionNode ParseIdentifier(int depth)
    {
        var start = _position;
        if (Peek() == 'π')
        {
            _position++;
            return new NumberNode(Math.PI);
        }

        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
        {
            _position++;
        }

        var name = _text[start.._position];
        SkipSpaces();
        if (Peek() == '(')
        {
            var function = ExpressionFunctions.Find(name)
                ?? throw AnalysisErrors.InvalidExpression(
                    start + 1,
                    $"未知的函数“{name}”（可用：{string.Join("、", ExpressionFunctions.Names)}）",
                    $"unknown function '{name}' (known: {string.Join(", ", ExpressionFunctions.Names)})");
            _position++;
            var argument = ParseSum(depth + 1);
            SkipSpaces();
            if (Peek() != ')')
            {
                throw Peek() == ','
                    ? AnalysisErrors.InvalidExpression(_position + 1, "函数只接受一个参数", "functions take one argument")
                    : _position >= _text.Length
                        ? AnalysisErrors.InvalidExpression(start + name.Length + 1, $"“{name}(”的括号没有闭合", $"the bracket of '{name}(' is never closed")
                        : Unexpected();
            }

            _position++;
            return new FunctionNode(function, argument);
        }

        if (ExpressionFunctions.Find(name) is not null)
        {
            throw AnalysisErrors.InvalidExpression(start + 1, $"函数“{name}”后面需要括号，如 {name}(x)", $"the function '{name}' needs brackets, e.g. {name}(x)");
        }

        switch (name)
        {
            case "x":
                return VariableNode.Instance;
            case "pi":
                return new NumberNode(Math.PI);
            case "e":
                return new NumberNode(Math.E);
        }

        var index = _parameters.IndexOf(name);
        if (index < 0)
        {
            index = _parameters.Count;
            _parameters.Add(name);
        }

        return new ParameterNode(index, name);
    }

    private AnalysisException Unexpected()
    {
        if (_position >= _text.Length)
        {
            return AnalysisErrors.InvalidExpression(_text.Length + 1, "表达式不完整（末尾缺少内容）", "the expression ends too early");
        }

        var c = _text[_position];
        return AnalysisErrors.InvalidExpression(_position + 1, $"第 {_position + 1} 个字符“{c}”不能出现在这里", $"unexpected character '{c}' at position {_position + 1}");
    }

    private void GuardDepth(int depth)
    {
        // A recursion limit keeps "((((…" from exhausting the stack of a worker thread.
        if (depth > 200)
        {
            throw AnalysisErrors.InvalidExpression(_position + 1, "表达式嵌套过深", "the expression is nested too deeply");
        }
    }

    private bool IsDoubleStar() => Peek() == '*' && Peek(1) == '*';

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }
}
