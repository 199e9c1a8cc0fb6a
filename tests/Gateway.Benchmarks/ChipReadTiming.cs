using System.Diagnostics;
using System.Globalization;
using Gateway.Drivers.Pcsc;
using Gateway.Emrtd;
using Gateway.Mrz;
using Gateway.VirtualChip;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>chip-read [--reads N] [--pcsc]</c>: a full chip read (PACE, EF.COM, EF.SOD, DG1, DG2 of 15 KB, DG11, DG15, active
/// and passive authentication) split into protocol steps. In memory, each step's time is the crypto and parsing of both
/// sides (the emulated chip's own crypto included, so the terminal's share is smaller); with <c>--pcsc</c>, the same read
/// through pcscd and vpcd (a pcscd is started when none runs). Each step's APDU bytes give the time the contactless link
/// itself needs at ISO/IEC 14443's 106 and 848 kbit/s — the physical limit of a real read.
/// </summary>
internal static class ChipReadTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        var reads = args.SkipWhile(a => a != "--reads").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(20);
        var pcsc = args.Contains("--pcsc");
        using var pki = TestPki.Create(DateTimeOffset.UtcNow);
        var spec = new PassportSpec();
        var key = MrzAccessKey.FromMrz(MrzParser.Parse(spec.Mrz))!;
        var options = new ChipReadOptions { Csca = CscaStore.FromCertificates([pki.Csca]) };

        // Warm-up (as many reads as measured): tiered JIT reaches the BigInteger curve arithmetic, OpenSSL's caches fill.
        for (var i = 0; i < reads; i++)
        {
            await ChipReader.ReadAsync(new InMemoryChannel(new VirtualPassport(PassportContent.Build(spec, pki))), key, options);
        }

        var memory = new List<ChipReadResult>();
        for (var i = 0; i < reads; i++)
        {
            memory.Add(await ChipReader.ReadAsync(new InMemoryChannel(new VirtualPassport(PassportContent.Build(spec, pki))), key, options));
        }

        Print($"In memory ({reads} reads, median per step; both sides' crypto)", memory);
        if (!pcsc)
        {
            return 0;
        }

        Process? daemon = null;
        if (!(File.Exists("/run/pcscd/pcscd.pid") && int.TryParse(File.ReadAllText("/run/pcscd/pcscd.pid").Trim(), out var pid) && Directory.Exists($"/proc/{pid}")))
        {
            daemon = Process.Start(new ProcessStartInfo("pcscd", "--foreground") { RedirectStandardOutput = true, RedirectStandardError = true });
        }

        try
        {
            using var context = await EstablishAsync();
            const string reader = "Virtual PCD 00 00";
            var linked = new List<ChipReadResult>();
            for (var i = 0; i < reads; i++)
            {
                await using var client = await VpcdClient.ConnectAsync(new VirtualPassport(PassportContent.Build(spec, pki)));
                if (!await context.WaitForCardAsync(reader, present: true, TimeSpan.FromSeconds(15), CancellationToken.None))
                {
                    Console.Error.WriteLine("The virtual card did not appear on vpcd's reader (is vsmartcard-vpcd installed?).");
                    return 1;
                }

                using (var card = context.Connect(reader))
                {
                    linked.Add(await ChipReader.ReadAsync(card, key, options));
                }

                await client.DisposeAsync();
                await context.WaitForCardAsync(reader, present: false, TimeSpan.FromSeconds(15), CancellationToken.None);
            }

            Print($"Through pcscd + vpcd ({reads} reads, median per step)", linked);
        }
        finally
        {
            if (daemon is not null)
            {
                // SIGTERM, so pcscd removes its socket and pid file.
                Process.Start("kill", ["-TERM", daemon.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
                daemon.WaitForExit(10_000);
                daemon.Dispose();
            }
        }

        return 0;
    }

    private static async Task<PcscContext> EstablishAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var context = PcscContext.Establish();
                if (context.ListReaders().Count > 0)
                {
                    return context;
                }

                context.Dispose();
            }
            catch (PcscException) when (attempt < 50)
            {
            }

            await Task.Delay(100);
        }
    }

    private static void Print(string title, List<ChipReadResult> results)
    {
        Console.WriteLine(title);
        Console.WriteLine($"{"step",-24} {"median ms",10} {"bytes",8} {"link ms @106k",14} {"link ms @848k",14}");
        var steps = results[0].Timings.Select(t => t.Step).ToList();
        double total = 0, link106 = 0, link848 = 0;
        foreach (var step in steps)
        {
            var times = results.Select(r => r.Timings.First(t => t.Step == step).Elapsed.TotalMilliseconds).Order().ToList();
            var median = times[times.Count / 2];
            var bytes = results[0].Timings.First(t => t.Step == step).Bytes;
            var (slow, fast) = (bytes * 8 / 106.0, bytes * 8 / 848.0);
            total += median;
            link106 += slow;
            link848 += fast;
            Console.WriteLine($"{step,-24} {median,10:F2} {bytes,8} {slow,14:F1} {fast,14:F1}");
        }

        Console.WriteLine($"{"total",-24} {total,10:F2} {results[0].Timings.Sum(t => t.Bytes),8} {link106,14:F1} {link848,14:F1}");
        Console.WriteLine($"verified: {results.Count(r => r.Verified)}/{results.Count}");
        Console.WriteLine();
    }
}
