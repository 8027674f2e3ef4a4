namespace LabCharts.Jobs.Storage;

/// <summary>An object read back from storage.</summary>
public sealed record StoredObject(byte[] Content, string ContentType);
