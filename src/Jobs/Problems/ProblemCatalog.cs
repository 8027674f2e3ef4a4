using LabCharts.Analysis;

namespace LabCharts.Jobs.Problems;

/// <summary>
/// The problems the job plumbing itself raises. Analysis errors keep their own codes
/// (<see cref="FromAnalysis"/>). Codes are public contracts: change them only on purpose.
/// </summary>
public static class ProblemCatalog
{
    /// <summary>The body is not valid JSON, or a value has the wrong type.</summary>
    public static Problem MalformedJson(string detail) => new(
        "malformed_json", 400,
        $"请求内容不是有效的 JSON：{detail}",
        $"The request body is not valid JSON: {detail}");

    /// <summary>A field the contract does not have (a typo, or a column outside <c>data</c>).</summary>
    public static Problem UnknownField(string field, string? hintZh = null, string? hintEn = null) => new(
        "unknown_field", 400,
        $"未知字段“{field}”。{hintZh}",
        $"Unknown field '{field}'.{(hintEn is null ? "" : " " + hintEn)}", field);

    /// <summary>A null where a value is needed (a column, a constant, an array element).</summary>
    public static Problem NullValue(string field) => new(
        "invalid_value", 400,
        $"“{field}”无效：不能为 null。",
        $"'{field}' is invalid: it must not be null.", field);

    /// <summary>A value of the wrong JSON type (a string for a number, an object for a name …).</summary>
    public static Problem WrongType(string field) => new(
        "malformed_json", 400,
        $"请求内容不是有效的 JSON：“{field}”的类型不对。",
        $"The request body is not valid JSON: '{field}' has the wrong type.", field.Length > 0 ? field : null);

    /// <summary>The body is over the limit.</summary>
    public static Problem BodyTooLarge(long limit) => new(
        "body_too_large", 413,
        $"请求内容过大（上限 {limit / 1024} KiB）。",
        $"The request body is too large (limit {limit / 1024} KiB).");

    /// <summary>A required field is absent.</summary>
    public static Problem MissingField(string field) => new(
        "missing_field", 400,
        $"缺少必填字段“{field}”。",
        $"The required field '{field}' is missing.", field);

    /// <summary>A field has a value out of its range or set.</summary>
    public static Problem InvalidValue(string field, string zh, string en) => new(
        "invalid_value", 400, $"“{field}”无效：{zh}", $"'{field}' is invalid: {en}", field);

    /// <summary>No caller identity on a request that needs one.</summary>
    public static Problem Unauthenticated() => new(
        "unauthenticated", 401,
        "未识别调用者身份：请通过微信云托管 callContainer 调用。",
        "The caller is not identified: call through WeChat Cloud Run's callContainer.");

    /// <summary>The caller, or this process, holds as many live connections as allowed.</summary>
    public static Problem TooManyConnections() => new(
        "too_many_connections", 429,
        "实时连接过多：请关闭其他页面的连接后重试。",
        "Too many live connections: close the ones other pages hold and try again.");

    /// <summary>The caller submitted faster than <c>Limits:SubmissionsPerMinute</c> allows.</summary>
    public static Problem RateLimited(int retryAfterSeconds) => new(
        "rate_limited", 429,
        $"提交过于频繁，请 {retryAfterSeconds} 秒后再试。",
        $"Too many submissions; try again in {retryAfterSeconds} s.");

    /// <summary>The caller already has <c>Limits:MaxUnfinishedPerOwner</c> jobs queued or running.</summary>
    public static Problem TooManyUnfinished(int limit) => new(
        "too_many_unfinished", 429,
        $"你已有 {limit} 个任务在排队或处理中，请等它们完成后再提交。",
        $"You already have {limit} jobs queued or running; submit more once they finish.");

    /// <summary>No such job for this caller (also when it belongs to someone else).</summary>
    public static Problem JobNotFound() => new(
        "job_not_found", 404, "找不到该任务。", "No such job.");

    /// <summary>An admin endpoint without a valid admin credential (a student's identity, a wrong token).</summary>
    public static Problem Forbidden() => new(
        "forbidden", 403, "没有管理员权限。", "Admin rights are required.");

    /// <summary>No such route (also every admin route while admin access is not configured).</summary>
    public static Problem NotFound() => new(
        "not_found", 404, "没有这个地址。", "No such route.");

    /// <summary>No such batch.</summary>
    public static Problem BatchNotFound() => new(
        "batch_not_found", 404, "找不到该批次。", "No such batch.");

    /// <summary>A cancel of a batch that is already cancelled or finished.</summary>
    public static Problem BatchNotCancellable(string state) => new(
        "batch_not_cancellable", 409,
        $"该批次已是“{state}”状态，无法取消。",
        $"The batch is already {state} and cannot be cancelled.");

    /// <summary>A signed file URL is wrong or expired.</summary>
    public static Problem InvalidSignature() => new(
        "invalid_signature", 403, "链接无效或已过期。", "The link is invalid or has expired.");

    /// <summary>The queue did not take the job; it was not accepted and nothing will run.</summary>
    public static Problem QueueUnavailable() => new(
        "queue_unavailable", 503,
        "服务繁忙，任务未能提交，请稍后重试。",
        "The service is busy and the job was not accepted; please try again shortly.");

    /// <summary>Object storage did not answer; nothing was lost, try again.</summary>
    public static Problem StorageUnavailable() => new(
        "storage_unavailable", 503,
        "存储服务暂时不可用，请稍后重试。",
        "Storage is temporarily unavailable; please try again shortly.");

    /// <summary>
    /// The data pass every check but the computation cannot be carried out with them: a value so large or
    /// so small (1e308, 5e-324) that the fit, its uncertainties or the chart overflow.
    /// </summary>
    public static Problem NotComputable() => new(
        "not_computable", 400,
        "无法用这些数据完成计算：有数值过大或过小（如 1e308），计算时溢出。请检查数据的数量级和单位。",
        "The data cannot be computed: a value is so large or so small (such as 1e308) that the computation overflows. Check the magnitudes and units.");

    /// <summary>Something broke on our side; the job is not lost.</summary>
    public static Problem Internal() => new(
        "internal_error", 500, "服务器内部错误，请稍后重试。", "Internal error; please try again later.");

    /// <summary>A job that failed on every delivery for reasons of ours, not of its data.</summary>
    public static Problem ProcessingFailed(int attempts) => new(
        "processing_failed", 500,
        $"处理失败（已尝试 {attempts} 次），请稍后重新提交。",
        $"Processing failed after {attempts} attempts; please submit again later.");

    /// <summary>An analysis error as a problem (400 at submission; a failed job's error later).</summary>
    public static Problem FromAnalysis(AnalysisException error) =>
        new(error.Code, 400, error.MessageZh, error.MessageEn, error.Field) { Point = error.Point, Reading = error.Reading };

    /// <summary>
    /// A reading that is not a number (<c>"abc"</c> in <c>data.L.values[2]</c>): <c>malformed_json</c> naming
    /// the column, the point and, for repeated readings, the reading, so a table editor marks the cell.
    /// </summary>
    public static Problem NotANumber(string column, int point, int? reading, string text)
    {
        var whereZh = $"列 {column} 第 {point + 1} 个数据点{(reading is { } r ? $"的第 {r + 1} 次读数" : "")}";
        var whereEn = $"column {column}, {(reading is { } e ? $"reading {e + 1} of " : "")}point {point + 1}";
        return new(
            "malformed_json", 400,
            text.Length == 0 ? $"{whereZh}为空，请填写数字。" : $"{whereZh}“{text}”不是数字。",
            text.Length == 0 ? $"In {whereEn}, the value is empty; enter a number." : $"In {whereEn}, '{text}' is not a number.",
            $"data.{column}")
        { Point = point, Reading = reading };
    }
}
