using System.IO.Compression;
using Gateway.Cli;
using Gateway.Contracts.V1;

namespace Gateway.EndToEnd.Tests.Diagnostics;

/// <summary><c>gatewayctl diag</c> against the real gateway with simulated devices.</summary>
public sealed class DiagCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gatewayctl-diag-");

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static object[] SimulatedBooth =>
    [
        RunningGateway.Device("reader-1", "simulated-document"),
        RunningGateway.Device("camera-1", "simulated-camera"),
        RunningGateway.Device("fingerprint-1", "simulated-fingerprint"),
        RunningGateway.Device("barcode-1", "simulated-barcode"),
    ];

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<(int Code, string Out, string Error)> Run(RunningGateway gateway, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GatewayCtl.RunAsync([.. args, "--address", gateway.Address.ToString()], new Cli.Console(new StringReader(string.Empty), output, error));
        return (code, output.ToString(), error.ToString());
    }

    private static async Task WaitUntilReadyAsync(RunningGateway gateway)
    {
        var client = new DeviceService.DeviceServiceClient(gateway.Channel);
        while ((await client.ListDevicesAsync(new ListDevicesRequest(), cancellationToken: Timeout)).Devices.Any(d => d.State != Contracts.V1.DeviceState.Ready))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), Timeout);
        }
    }

    [Fact]
    public async Task Diag_PrintsTheHealthOfEveryDevice()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        await WaitUntilReadyAsync(gateway);

        var (code, output, _) = await Run(gateway, "diag", "--level", "external");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("DEVICE", lines[0], StringComparison.Ordinal);
        foreach (var id in new[] { "reader-1", "camera-1", "fingerprint-1", "barcode-1" })
        {
            var line = Assert.Single(lines, l => l.StartsWith(id + " ", StringComparison.Ordinal));
            Assert.Contains("PASSED", line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal); // no colours when not writing to a terminal
    }

    [Fact]
    public async Task DiagCheck_External_PrintsTheResultWithDetails_AndUnknownDeviceExitsOne()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        await WaitUntilReadyAsync(gateway);

        var (code, output, _) = await Run(gateway, "diag", "check", "fingerprint-1", "--level", "external");
        var (unknownCode, _, unknownError) = await Run(gateway, "diag", "check", "nope");

        Assert.Equal(0, code);
        Assert.StartsWith("fingerprint-1  external  PASSED  health.ok", output, StringComparison.Ordinal);
        Assert.Contains("  kind: Fingerprint", output, StringComparison.Ordinal);
        Assert.Equal(1, unknownCode);
        Assert.Contains("NotFound", unknownError, StringComparison.Ordinal);
        Assert.Contains("nope", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagStatsAndLogs_PrintEveryDeviceAndTheLogTail()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth, "--Logging:LogLevel:Gateway", "Information");
        await WaitUntilReadyAsync(gateway);
        await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel).InjectCaptureAsync(new InjectCaptureRequest { DeviceId = "barcode-1" }, cancellationToken: Timeout);

        var (statsCode, stats, _) = await Run(gateway, "diag", "stats");
        var (logsCode, logs, _) = await Run(gateway, "diag", "logs", "-n", "50");

        Assert.Equal(0, statsCode);
        Assert.Contains(stats.Split('\n'), l => l.StartsWith("barcode-1 ", StringComparison.Ordinal) && l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1].Trim() == "1");
        Assert.Equal(4, stats.Split('\n').Count(l => l.Contains("-1 ", StringComparison.Ordinal)));
        Assert.Equal(0, logsCode);
        Assert.Contains(" INF Gateway.Devices.reader-1[100] Device reader-1 is Ready", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagBundle_AfterASession_HoldsNoSecretAndNoPersonalData()
    {
        const string Secret = "tk-7d41-bundle-test-secret";
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth, "--Gateway:Diagnostics:TechnicianKey", Secret, "--Logging:LogLevel:Default", "Debug");
        await WaitUntilReadyAsync(gateway);

        // A traveller session with the reference booth client, then every capture the gateway holds: their personal values.
        using (var session = new StringWriter())
        {
            var sessionCode = await GatewayCtl.RunAsync(["booth", "--auto", "--address", gateway.Address.ToString()], new Cli.Console(new StringReader(string.Empty), session, TextWriter.Null));
            Assert.Equal(0, sessionCode);
        }

        var personal = await PersonalValuesAsync(gateway);
        Assert.NotEmpty(personal);

        var bundle = Path.Combine(_folder.FullName, "support.zip");
        var (code, output, progress) = await Run(gateway, "diag", "bundle", "-o", bundle);

        Assert.Equal(0, code);
        Assert.Contains("support.zip: 8 files", output, StringComparison.Ordinal);
        Assert.Contains("[4/6] health checks", progress, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(bundle);
        Assert.Equal(
            ["README.txt", "configuration.txt", "devices.json", "drivers.json", "gateway.json", "health.jsonl", "logs.txt", "statistics.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var texts = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        Assert.Contains("Gateway:Diagnostics:TechnicianKey=***", texts["configuration.txt"], StringComparison.Ordinal);
        Assert.Contains("Capture ", texts["logs.txt"], StringComparison.Ordinal); // the debug lines about the captures are there, by id
        Assert.Contains("\"deviceId\": \"reader-1\"", texts["statistics.json"], StringComparison.Ordinal);
        foreach (var (name, text) in texts)
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            foreach (var value in personal)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{name} contains the personal value '{value}'");
            }
        }
    }

    [Fact]
    public async Task DiagBundle_FolderThatDoesNotExist_ClearErrorAndNoFile()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        var bundle = Path.Combine(_folder.FullName, "missing", "support.zip");

        var (code, _, error) = await Run(gateway, "diag", "bundle", "-o", bundle, "--no-external");

        Assert.Equal(1, code);
        Assert.Contains($"cannot write {bundle}: the folder", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.False(File.Exists(bundle));
    }

    [Fact]
    public async Task DiagBundle_DiskFull_ClearErrorAndNoPartialFile()
    {
        await using var gateway = await RunningGateway.StartAsync(SimulatedBooth);
        var bundle = Path.Combine(_folder.FullName, "support.zip");

        // The bundle is written to a temporary name first; here that name leads to /dev/full, where every write fails
        // with ENOSPC exactly as on a full disk.
        var partial = Path.Combine(_folder.FullName, ".support.zip.partial");
        File.CreateSymbolicLink(partial, "/dev/full");

        var (code, _, error) = await Run(gateway, "diag", "bundle", "-o", bundle, "--no-external");

        Assert.Equal(1, code);
        Assert.Contains($"cannot write {bundle}: the disk is full", error, StringComparison.Ordinal);
        Assert.False(File.Exists(bundle));
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    /// <summary>Names, document numbers, MRZ lines and barcode texts of every capture the gateway holds.</summary>
    private static async Task<HashSet<string>> PersonalValuesAsync(RunningGateway gateway)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var captures = new CaptureService.CaptureServiceClient(gateway.Channel);
        var last = (await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel).GetStatisticsAsync(new GetStatisticsRequest(), cancellationToken: Timeout))
            .Devices.Sum(d => (long)d.Captures);
        using var call = captures.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);
        for (var i = 0; i < last && await call.ResponseStream.MoveNext(Timeout); i++)
        {
            var capture = call.ResponseStream.Current;
            if (capture.Document is { } document)
            {
                values.UnionWith(document.MrzLines);
                if (document.Fields is { } fields)
                {
                    values.UnionWith(new[] { fields.Surname, fields.GivenNames, fields.DocumentNumber }.Where(v => v.Length >= 4));
                }
            }

            if (capture.Barcode is { Text.Length: > 0 } barcode)
            {
                values.Add(barcode.Text);
                values.UnionWith(barcode.Fields.Where(f => f.Key.Contains("name", StringComparison.Ordinal) && f.Value.Length >= 4).Select(f => f.Value));
            }
        }

        return values;
    }
}
