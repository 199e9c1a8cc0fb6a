using Gateway.Host.Diagnostics;

namespace Gateway.Host.Tests.Diagnostics;

public sealed class StatisticsFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gateway-statistics-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Write_ThenRead_GivesTheSameStatistics_AndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_folder.FullName, "data", "device-statistics.json");
        var since = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var stored = new StoredStatistics { Since = since };
        stored.Devices["reader-1"] = new StoredDeviceStatistics
        {
            Captures = 42,
            Failures = { ["serial.port_gone"] = 3 },
            SecondsInState = { ["READY"] = 3600.5 },
            LastErrorCode = "serial.port_gone",
            Firmware = "4.2.1",
        };

        StatisticsFile.Write(path, stored);
        var read = StatisticsFile.Read(path);

        Assert.NotNull(read);
        Assert.Equal(since, read.Since);
        var reader = read.Devices["READER-1"]; // device ids are case-insensitive, as in the registry
        Assert.Equal(42ul, reader.Captures);
        Assert.Equal(3ul, reader.Failures["serial.port_gone"]);
        Assert.Equal(3600.5, reader.SecondsInState["READY"]);
        Assert.Equal("4.2.1", reader.Firmware);
        Assert.Equal(["device-statistics.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_OverAnOlderFile_ReplacesItWhole()
    {
        var path = Path.Combine(_folder.FullName, "statistics.json");
        StatisticsFile.Write(path, new StoredStatistics { Devices = { ["a"] = new StoredDeviceStatistics { Captures = 1 } } });

        StatisticsFile.Write(path, new StoredStatistics { Devices = { ["b"] = new StoredDeviceStatistics { Captures = 2 } } });

        var read = StatisticsFile.Read(path)!;
        Assert.Equal(["b"], read.Devices.Keys);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    public void Read_DamagedFile_IsNull(string content)
    {
        var path = Path.Combine(_folder.FullName, "statistics.json");
        File.WriteAllText(path, content);

        Assert.Null(StatisticsFile.Read(path));
    }

    [Fact]
    public void Read_NoFile_IsNull() => Assert.Null(StatisticsFile.Read(Path.Combine(_folder.FullName, "none.json")));
}
