using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Gateway.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>startup-footprint --app DIR [--app DIR]… [--starts N] [--minutes M] [--interval S] [--footprint-of DIR] [--env N=V]…</c>: the published gateway of
/// each program folder (the <c>app/</c> folder of an unpacked package; e.g. one built with ReadyToRun and one built
/// with <c>--no-ready-to-run</c>), started as the service starts it — its own process, the shipped configuration and its
/// five simulated devices, a fresh data folder. Prints the time from process start to the first gRPC health answer
/// SERVING (median and range of N starts after one warm-up start), then runs one gateway for M minutes of simulated
/// captures (each device capturing every S seconds; 0 keeps the shipped intervals) with a booth client that watches
/// and acknowledges every capture, sampling its resident and private memory from /proc every 10 s (each folder, or only
/// <c>--footprint-of</c>'s; <c>--minutes 0</c> skips it). <c>--env NAME=VALUE</c> (repeatable) sets a variable for the
/// gateways, e.g. a runtime setting such as <c>DOTNET_gcServer=0</c>.
/// </summary>
internal static class StartupFootprint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var apps = new List<string>();
        int starts = 10, interval = 0;
        double minutes = 1;
        string? footprintOf = null;
        var environment = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--app": apps.Add(Path.GetFullPath(args[++i])); break;
                case "--starts": starts = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--minutes": minutes = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--footprint-of": footprintOf = Path.GetFullPath(args[++i]); break;
                case "--env": environment.Add(args[++i]); break;
                case "--interval": interval = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"startup-footprint: unknown argument '{args[i]}'"); return 2;
            }
        }

        if (apps.Count == 0 || apps.Any(a => !File.Exists(Path.Combine(a, "Gateway.Host"))))
        {
            Console.Error.WriteLine("startup-footprint: give --app FOLDER, a published gateway (holding Gateway.Host), once or more");
            return 2;
        }

        Console.WriteLine($"{Environment.ProcessorCount} CPUs, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start");
        // The folders take turns, so a change in the machine's load weighs on each alike; start 0 of each warms the disk cache.
        var times = apps.ToDictionary(a => a, _ => new List<double>());
        var cpu = apps.ToDictionary(a => a, _ => new List<double>());
        for (var i = 0; i <= starts; i++)
        {
            foreach (var app in apps)
            {
                await using var gateway = await StartedGateway.StartAsync(app, interval, environment);
                if (i > 0)
                {
                    times[app].Add(gateway.StartTime.TotalMilliseconds);
                    cpu[app].Add(gateway.StartCpu.TotalMilliseconds);
                }
            }
        }

        foreach (var (app, list) in times.Where(t => t.Value.Count > 0))
        {
            list.Sort();
            cpu[app].Sort();
            Console.WriteLine(
                $"{app}: start to SERVING, {starts} starts: median {list[list.Count / 2]:0} ms (min {list[0]:0}, max {list[^1]:0}); "
                + $"CPU time used by then: median {cpu[app][cpu[app].Count / 2]:0} ms (min {cpu[app][0]:0}, max {cpu[app][^1]:0})");
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end of the starts");
        foreach (var app in footprintOf is null ? apps : [footprintOf])
        {
            if (minutes > 0)
            {
                await RunCapturesAsync(app, minutes, interval, environment);
            }
        }

        return 0;
    }

    private static async Task RunCapturesAsync(string app, double minutes, int interval, List<string> environment)
    {
        await using var gateway = await StartedGateway.StartAsync(app, interval, environment);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var captures = new CaptureService.CaptureServiceClient(channel);
        var received = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var client = Task.Run(async () =>
        {
            using var call = captures.WatchCaptures(new WatchCapturesRequest(), cancellationToken: stop.Token);
            try
            {
                await foreach (var capture in call.ResponseStream.ReadAllAsync(stop.Token))
                {
                    await captures.AcknowledgeAsync(new AcknowledgeRequest { CaptureIds = { capture.Id } }, cancellationToken: stop.Token);
                    received++;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException || (ex is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled))
            {
                // The run's time is up.
            }
        });

        var samples = new List<(TimeSpan At, double Rss, double Private)>();
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (!stop.IsCancellationRequested && await timer.WaitForNextTickAsync(CancellationToken.None))
        {
            var (rss, own) = Memory(gateway.ProcessId);
            samples.Add((clock.Elapsed, rss, own));
            if (samples.Count % 6 == 0)
            {
                Console.WriteLine($"  {clock.Elapsed.TotalMinutes:0.0} min: {received} captures, resident {rss:0.0} MB, private {own:0.0} MB");
            }
        }

        await client;
        var lastMinute = samples.Where(s => s.At >= clock.Elapsed - TimeSpan.FromMinutes(1)).ToList();
        Console.WriteLine(
            $"{app}: {minutes:0.#} min of simulated captures, {received} captures watched and acknowledged; last minute: resident "
            + $"{lastMinute.Average(s => s.Rss):0.0} MB, private {lastMinute.Average(s => s.Private):0.0} MB; peak resident {samples.Max(s => s.Rss):0.0} MB");
    }

    /// <summary>Resident set and private (anonymous plus private file-backed) memory of a process, in MB.</summary>
    private static (double Rss, double Private) Memory(int pid)
    {
        double rss = 0, own = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var kb))
            {
                continue;
            }

            if (parts[0] == "Rss:")
            {
                rss = kb / 1024;
            }
            else if (parts[0] is "Private_Clean:" or "Private_Dirty:")
            {
                own += kb / 1024;
            }
        }

        return (rss, own);
    }

    /// <summary>One published gateway in its own process, with its own port and data folder, until disposed.</summary>
    private sealed class StartedGateway : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _data;

        private StartedGateway(Process process, string data, string address, TimeSpan startTime, TimeSpan startCpu)
        {
            StartCpu = startCpu;
            _process = process;
            _data = data;
            Address = address;
            StartTime = startTime;
        }

        public string Address { get; }

        public TimeSpan StartTime { get; }

        /// <summary>User and system CPU time the process had used when it first answered SERVING (less swayed by the machine's load).</summary>
        public TimeSpan StartCpu { get; }

        public int ProcessId => _process.Id;

        public static async Task<StartedGateway> StartAsync(string app, int interval, List<string> environment)
        {
            var data = Directory.CreateTempSubdirectory("gateway-footprint-").FullName;
            var port = FreePort();
            var start = new ProcessStartInfo(Path.Combine(app, "Gateway.Host")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            if (interval > 0)
            {
                var devices = Path.Combine(data, "devices.json");
                await File.WriteAllTextAsync(devices, JsonSerializer.Serialize(new[] { "simulated-document", "simulated-camera", "simulated-fingerprint", "simulated-barcode", "simulated-page-reader" }
                    .Select((driver, i) => new { Id = $"device-{i + 1}", Driver = driver, Settings = new { IntervalSeconds = interval } })));
                start.ArgumentList.Add("--devices");
                start.ArgumentList.Add(devices);
            }

            start.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{port}";
            start.Environment["Gateway__Diagnostics__Url"] = string.Empty;
            start.Environment["Gateway__Telemetry__PrometheusUrl"] = $"http://127.0.0.1:{FreePort()}/metrics";
            start.Environment["Gateway__Journal__Folder"] = Path.Combine(data, "journal");
            start.Environment["Gateway__Journal__KeyFile"] = Path.Combine(data, "journal.key");
            start.Environment["Gateway__Diagnostics__StatisticsPath"] = Path.Combine(data, "statistics.json");
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var variable in environment)
            {
                var (name, value) = (variable[..variable.IndexOf('=', StringComparison.Ordinal)], variable[(variable.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                start.Environment[name] = value;
            }

            var address = $"http://127.0.0.1:{port}";
            using var channel = GrpcChannel.ForAddress(address);
            var health = new Health.HealthClient(channel);
            var clock = Stopwatch.StartNew();
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                try
                {
                    var answer = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(1), cancellationToken: limit.Token);
                    if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                    {
                        var elapsed = clock.Elapsed;
                        process.Refresh();
                        return new StartedGateway(process, data, address, elapsed, process.TotalProcessorTime);
                    }
                }
                catch (RpcException) when (!process.HasExited && !limit.IsCancellationRequested)
                {
                    // Not listening yet.
                }

                if (process.HasExited || limit.IsCancellationRequested)
                {
                    throw new InvalidOperationException($"the gateway in {app} did not answer SERVING (exit code {(process.HasExited ? process.ExitCode : "none")})");
                }

                await Task.Delay(10, limit.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            Directory.Delete(_data, recursive: true);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
