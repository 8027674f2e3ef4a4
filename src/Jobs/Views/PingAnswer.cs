namespace LabCharts.Jobs.Views;

/// <summary><c>GET /api/ping</c>, kept from the old back end.</summary>
public sealed record PingAnswer(string Message, string Service, string Version);
