using System.Text.Json;

namespace LabCharts.Api.Tests.Infrastructure;

/// <summary>Polls a job's status URL until it is final (bounded: 30 s).</summary>
public static class JobPolling
{
    public static async Task<JsonElement> UntilFinalAsync(HttpClient client, string statusUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var job = JsonDocument.Parse(await client.GetStringAsync(statusUrl));
            var status = job.RootElement.GetProperty("status").GetString();
            if (status is "succeeded" or "failed")
            {
                return job.RootElement.Clone();
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{statusUrl} still {status} after 30 s");
            }
            await Task.Delay(50);
        }
    }
}
