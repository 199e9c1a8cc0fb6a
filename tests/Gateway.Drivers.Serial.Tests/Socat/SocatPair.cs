using System.Diagnostics;

namespace Gateway.Drivers.Serial.Tests.Socat;

/// <summary>
/// A virtual serial cable: two pseudo-terminals joined by socat (Debian package <c>socat</c>), reachable through
/// the links <see cref="GatewayEnd"/> and <see cref="ReaderEnd"/> in a temporary folder. Killing it is pulling the
/// cable; starting it again brings the same paths back (to new /dev/pts devices).
/// </summary>
public sealed class SocatPair : IAsyncDisposable
{
    private readonly string _folder;
    private Process? _socat;

    private SocatPair(string folder)
    {
        _folder = folder;
    }

    /// <summary>The end the gateway's driver opens.</summary>
    public string GatewayEnd => Path.Combine(_folder, "gateway");

    /// <summary>The end the test (or the emulator) writes to, as a reader would.</summary>
    public string ReaderEnd => Path.Combine(_folder, "reader");

    public static async Task<SocatPair> StartAsync()
    {
        var pair = new SocatPair(Directory.CreateTempSubdirectory("socat-").FullName);
        await pair.RestartAsync();
        return pair;
    }

    /// <summary>Starts socat (again) and returns once it has made both links and is passing data.</summary>
    public async Task RestartAsync()
    {
        File.Delete(GatewayEnd);
        File.Delete(ReaderEnd);
        var socat = Process.Start(new ProcessStartInfo("socat")
        {
            ArgumentList = { "-d", "-d", $"pty,raw,echo=0,link={GatewayEnd}", $"pty,raw,echo=0,link={ReaderEnd}" },
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("socat did not start; install the Debian package socat.");
        _socat = socat;

        // With -d -d socat says "starting data transfer loop" once both ptys and their links exist.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await socat.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                _ = socat.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"socat exited with {socat.ExitCode} before passing data.");
    }

    /// <summary>Kills socat: both pseudo-terminals vanish, like a USB cable pulled mid-shift.</summary>
    public async Task KillAsync()
    {
        if (_socat is { HasExited: false } socat)
        {
            socat.Kill();
            await socat.WaitForExitAsync();
        }

        _socat?.Dispose();
        _socat = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
