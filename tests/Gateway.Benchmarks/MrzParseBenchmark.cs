using BenchmarkDotNet.Attributes;
using Gateway.Mrz;

namespace Gateway.Benchmarks;

/// <summary>Parse + validate throughput of the MRZ engine on ICAO Doc 9303 specimens.</summary>
[MemoryDiagnoser]
public class MrzParseBenchmark
{
    // ICAO Doc 9303 Part 4 Appendix A (TD3) and Part 5 Appendix A (TD1) specimens.
    private const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    private const string Td1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    // The TD3 specimen with two OCR misreads in numeric fields (O for 0 in the birth date, B for 8 in the expiry date).
    private const string Td3Misread = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO74O8122F12O4159ZE184226B<<<<<10";

    private static readonly MrzParseOptions Options = new() { ReferenceDate = new DateOnly(2026, 11, 29) };

    [Benchmark(Baseline = true)]
    public bool ParseTd3() => MrzParser.Parse(Td3, Options).Valid;

    [Benchmark]
    public bool ParseTd1() => MrzParser.Parse(Td1, Options).Valid;

    [Benchmark]
    public bool ParseTd3WithCorrection() => MrzParser.Parse(Td3Misread, Options).Valid;
}
