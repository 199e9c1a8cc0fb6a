using BenchmarkDotNet.Running;
using Gateway.Benchmarks;

// Measurements that are not micro-benchmarks run as their own mode; everything else goes to BenchmarkDotNet's switcher.
return args.FirstOrDefault() switch
{
    "serial-latency" => await SerialLatency.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(CaptureHubFanOutBenchmark).Assembly).Run(args);
    return 0;
}
