using BenchmarkDotNet.Running;
using Gateway.Benchmarks;

// Side-by-side comparisons run as their own mode; everything else goes to BenchmarkDotNet's switcher.
return args.FirstOrDefault() switch
{
    "barcode-compare" => await BarcodeSideBySide.RunAsync(args[1..]),
    "serial-latency" => await SerialLatency.RunAsync(args[1..]),
    "journal-latency" => JournalLatency.Run(args[1..]),
    "chip-read" => await ChipReadTiming.RunAsync(args[1..]),
    "session-throughput" => await SessionThroughput.RunAsync(args[1..]),
    "camera-video" => CameraVideo.Run(args[1..]),
    "mrz-train" => MrzTrainer.Run(args[1..]),
    "mrz-eval" => MrzEvaluation.Run(args[1..]),
    "mrz-compare" => await MrzSideBySide.RunAsync(args[1..]),
    "startup-footprint" => await StartupFootprint.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(CaptureHubFanOutBenchmark).Assembly).Run(args);
    return 0;
}
