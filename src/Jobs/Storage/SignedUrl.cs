namespace LabCharts.Jobs.Storage;

/// <summary>
/// A URL that lets its holder read one object until <see cref="ExpiresAt"/>. May be relative to the
/// API (<c>/files/...</c>, embedded store) or absolute (presigned S3).
/// </summary>
public sealed record SignedUrl(string Url, DateTimeOffset ExpiresAt);
