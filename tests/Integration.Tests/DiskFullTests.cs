using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LabCharts.Integration.Tests;

/// <summary>
/// Issue 14: the embedded store on a full disk (a 4 MB tmpfs). Submissions answer 503 storage_unavailable
/// with Retry-After, nothing already stored is damaged, no temporary file is left, and once space is freed
/// every accepted job finishes. Needs root (or passwordless sudo) to mount the tmpfs.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EmbeddedStoreOnAFullDisk_503_NoCorruptRecord_RecoversWhenFreed()
    {
        var root = Directory.CreateTempSubdirectory("labcharts-tmpfs-").FullName;
        await RootAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", root);
        var data = Path.Combine(root, "data");
        var port = HostProcess.FreePort();
        var api = HostProcess.Start("Api", new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["Storage__Local__Root"] = data,
            ["Storage__Local__SigningKey"] = "disk-full-test-signing-key-0123456789",
            ["Limits__SubmissionsPerMinute"] = "0",
            ["Limits__MaxUnfinishedPerOwner"] = "0",
        });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-WX-SOURCE", "wx_client");
            client.DefaultRequestHeaders.Add("X-WX-OPENID", "disk-full-student");
            await WaitReadyAsync(client, api);

            var before = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                before.Add(await SubmitAndWaitAsync(client, i));
            }

            // Fill the disk to the last byte.
            var filler = Path.Combine(root, "filler");
            await using (var fill = new FileStream(filler, FileMode.Create))
            {
                var block = new byte[64 * 1024];
                try
                {
                    while (true)
                    {
                        await fill.WriteAsync(block);
                        await fill.FlushAsync();
                    }
                }
                catch (IOException)
                {
                }
            }
            var refused = 0;
            for (var i = 0; i < 5; i++)
            {
                using var response = await client.PostAsync("/api/jobs", Deployment.Json(Deployment.SmallJob(10 + i)));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
                Assert.Equal("storage_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
                Assert.NotNull(response.Headers.RetryAfter);
                refused++;
            }
            // Reading still works, and every stored record is whole JSON; no temporary file is left behind.
            foreach (var id in before)
            {
                using var job = JsonDocument.Parse(await client.GetStringAsync($"/api/jobs/{id}"));
                Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
            }
            foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
            {
                // The store writes `.{name}.{guid}.partial` and renames it; none may survive a failed write.
                Assert.False(Path.GetFileName(file).StartsWith('.') && file.EndsWith(".partial", StringComparison.Ordinal), $"left behind: {file}");
                if (file.EndsWith("record.json", StringComparison.Ordinal))
                {
                    using var _ = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
                }
            }

            // Space again: submissions are accepted and finish.
            File.Delete(filler);
            var after = await SubmitAndWaitAsync(client, 20);
            output.WriteLine($"{before.Count} jobs before, {refused} refused with 503 on the full disk, job {after} succeeded after space was freed");
        }
        finally
        {
            await api.DisposeAsync();
            await RootAsync("umount", root);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> SubmitAndWaitAsync(HttpClient client, int seed)
    {
        using var response = await client.PostAsync("/api/jobs?wait=10", Deployment.Json(Deployment.SmallJob(seed)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var job = JsonDocument.Parse(body);
        Assert.Equal("succeeded", job.RootElement.GetProperty("status").GetString());
        return job.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task WaitReadyAsync(HttpClient client, HostProcess api)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !api.HasExited)
        {
            try
            {
                using var ready = await client.GetAsync("/healthz/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        Assert.Fail($"API not ready:\n{api.Output}");
    }

    /// <summary>Runs a command as root: directly when this is root, else through passwordless sudo; fails or skips without either.</summary>
    private static async Task RootAsync(string command, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || GetUid() == 0;
        var start = asRoot ? new ProcessStartInfo(command, arguments) : new ProcessStartInfo("sudo", ["-n", command, .. arguments]);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var reason = $"{command} {string.Join(' ', arguments)} failed (root needed for the tmpfs): {await process.StandardError.ReadToEndAsync()}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason);
            }
            Assert.Skip(reason);
        }
    }

    private static int GetUid()
    {
        using var id = Process.Start(new ProcessStartInfo("id", "-u") { RedirectStandardOutput = true })!;
        var text = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return int.TryParse(text, CultureInfo.InvariantCulture, out var uid) ? uid : -1;
    }
}
