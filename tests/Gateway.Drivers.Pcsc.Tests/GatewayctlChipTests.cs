using System.Diagnostics;
using System.Text.Json;
using Gateway.VirtualChip;

namespace Gateway.Drivers.Pcsc.Tests;

/// <summary><c>gatewayctl chip</c> run as a process against the virtual passport in vpcd, through real pcscd.</summary>
[Collection(PcscdCollection.Name)]
public sealed class GatewayctlChipTests(PcscdFixture pcscd) : IDisposable
{
    private readonly TestPki _pki = TestPki.Create(DateTimeOffset.UtcNow);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gateway-chip-cli-");

    public void Dispose()
    {
        _pki.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ChipReadJson_HonestChip_PrintsAVerifiedChipCaptureAndExitsZero()
    {
        var (code, output, error) = await ReadAsync(new PassportSpec(), "--json");

        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        var capture = json.RootElement;
        Assert.Equal("CAPTURE_KIND_CHIP", capture.GetProperty("kind").GetString());
        Assert.True(capture.GetProperty("verified").GetBoolean());
        var chip = capture.GetProperty("chip");
        Assert.Equal("CHIP_ACCESS_PROTOCOL_PACE", chip.GetProperty("accessProtocol").GetString());
        Assert.Equal("ERIKSSON", chip.GetProperty("mrz").GetProperty("summary").GetProperty("surname").GetString());
        Assert.Equal("IMAGE_FORMAT_JPEG", chip.GetProperty("portrait").GetProperty("format").GetString());
        var checks = capture.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("outcome").GetString());
        Assert.Equal("CHECK_OUTCOME_PASSED", checks["chip.sod.signature"]);
        Assert.Equal("CHECK_OUTCOME_PASSED", checks["chip.signer.chain"]);
        Assert.Equal("CHECK_OUTCOME_PASSED", checks["chip.dg2.hash"]);
    }

    [Fact]
    public async Task ChipRead_TamperedChip_ReportsTheFailedHashAndExitsOne()
    {
        var (code, output, _) = await ReadAsync(new PassportSpec { Lie = ChipLie.TamperedDg1 });

        Assert.Equal(1, code);
        Assert.Contains("Verified:  NO", output, StringComparison.Ordinal);
        Assert.Contains("FAIL chip.dg1.hash", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChipReaders_ListsVpcdsReader()
    {
        var (code, output, error) = await RunAsync("chip", "readers");

        Assert.True(code == 0, error);
        Assert.Contains(pcscd.Reader, output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> ReadAsync(PassportSpec spec, params string[] extra)
    {
        var csca = _folder.CreateSubdirectory("csca");
        await File.WriteAllTextAsync(Path.Combine(csca.FullName, "csca.pem"), _pki.Csca.ExportCertificatePem());
        var mrz = Path.Combine(_folder.FullName, "mrz.txt");
        await File.WriteAllTextAsync(mrz, spec.Mrz + "\n");
        using var context = PcscContext.Establish();
        Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, TimeSpan.FromSeconds(15), CancellationToken.None), "A previous card is still on the reader.");
        (int, string, string) result;
        await using (var client = await VpcdClient.ConnectAsync(new VirtualPassport(PassportContent.Build(spec, _pki)), pcscd.Port))
        {
            Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: true, TimeSpan.FromSeconds(15), CancellationToken.None));
            result = await RunAsync(["chip", "read", "--mrz-file", mrz, "--csca", csca.FullName, "--reader", pcscd.Reader, .. extra]);
        }

        Assert.True(await context.WaitForCardAsync(pcscd.Reader, present: false, TimeSpan.FromSeconds(15), CancellationToken.None));
        return result;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        // tests/Gateway.Drivers.Pcsc.Tests/bin/<Configuration>/<tfm>/ → gateway/Gateway.Cli/bin/<Configuration>/<tfm>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var cli = Path.Combine(output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "gateway", "Gateway.Cli", "bin", output.Parent.Name, output.Name, "gatewayctl.dll");
        Assert.True(File.Exists(cli), $"gatewayctl not built at {cli}");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }
}
