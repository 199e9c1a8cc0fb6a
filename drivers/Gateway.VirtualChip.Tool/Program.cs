using Gateway.VirtualChip;

// virtual-chip: serves a virtual ePassport to vpcd until Ctrl+C, and writes the test CSCA for `gatewayctl chip read --csca`.
//   dotnet run --project drivers/Gateway.VirtualChip.Tool -- [--port 35963] [--mrz-file F] [--csca-out DIR] [--lie NAME] [--no-pace] [--no-bac]
//     [--rsa-aa [BITS]] (RSA active authentication instead of ECDSA) [--no-ca] (no DG14, no chip authentication)
var port = 35963;
var spec = new PassportSpec();
string? cscaOut = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--mrz-file":
            spec = spec with { Mrz = File.ReadAllText(args[++i]).Trim() };
            break;
        case "--csca-out":
            cscaOut = args[++i];
            break;
        case "--lie":
            spec = spec with { Lie = Enum.Parse<ChipLie>(args[++i], ignoreCase: true) };
            break;
        case "--no-pace":
            spec = spec with { Pace = false };
            break;
        case "--no-bac":
            spec = spec with { Bac = false };
            break;
        case "--rsa-aa":
            var bits = i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : 0;
            i += bits > 0 ? 1 : 0;
            spec = spec with { ActiveAuthenticationKey = ActiveAuthenticationKeyKind.Rsa, RsaKeyBits = bits > 0 ? bits : spec.RsaKeyBits };

            // A chip whose signature does not fit a short response says it takes extended lengths, as real ones do.
            spec = spec with { ExtendedLength = spec.ExtendedLength || spec.RsaKeyBits > 1536 };
            break;
        case "--no-ca":
            spec = spec with { ChipAuthentication = false };
            break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}");
            return 2;
    }
}

using var pki = TestPki.Create(DateTimeOffset.UtcNow);
if (cscaOut is not null)
{
    Directory.CreateDirectory(cscaOut);
    File.WriteAllText(Path.Combine(cscaOut, "test-csca.pem"), pki.Csca.ExportCertificatePem());
}

var chip = new VirtualPassport(PassportContent.Build(spec, pki));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
Console.WriteLine($"Virtual passport ({spec.Lie}) connecting to vpcd on port {port}; Ctrl+C removes it.");
try
{
    await using var client = await VpcdClient.ConnectAsync(chip, port, cancellationToken: stop.Token);
    await Task.WhenAny(client.Completion, Task.Delay(Timeout.Infinite, stop.Token));
}
catch (OperationCanceledException)
{
}

return 0;
