using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Gateway.Benchmarks.CaptureHubFanOutBenchmark).Assembly).Run(args);
