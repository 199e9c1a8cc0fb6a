using Gateway.Host.Configuration;

namespace Gateway.Host.Tests.Configuration;

public sealed class DeviceListTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"devices-{Guid.NewGuid():N}.json");

    [Fact]
    public void Load_WithoutFile_ReadsGatewayDevices()
    {
        var configuration = TestOptions.Configuration(("Gateway:Devices:0:Id", "a"), ("Gateway:Devices:1:Id", "b"));

        Assert.Equal(["a", "b"], DeviceList.Load(configuration).Select(d => d.Id));
    }

    [Fact]
    public void Load_WithFile_ReplacesTheWholeList()
    {
        File.WriteAllText(_file, """[ { "Id": "only", "Driver": "simulated-camera", "Settings": { "Width": 100 } } ]""");
        var configuration = TestOptions.Configuration(
            ("Gateway:Devices:0:Id", "a"), ("Gateway:Devices:1:Id", "b"), (DeviceList.FileKey, _file));

        var device = Assert.Single(DeviceList.Load(configuration));

        Assert.Equal("only", device.Id);
        Assert.Equal("simulated-camera", device.Driver);
        Assert.Equal("100", device.Settings["Width"]);
        Assert.Equal("Gateway:Devices:0:Settings", device.Settings.Path);
    }

    [Fact]
    public void Load_WithObjectFile_ReadsItsDevicesArray()
    {
        File.WriteAllText(_file, """{ "Devices": [ { "Id": "x", "Driver": "simulated-document" } ] }""");

        Assert.Equal("x", Assert.Single(DeviceList.Load(TestOptions.Configuration((DeviceList.FileKey, _file)))).Id);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("42")]
    public void Load_BadFile_SaysWhichFile(string content)
    {
        File.WriteAllText(_file, content);

        var error = Assert.Throws<GatewayConfigurationException>(() => DeviceList.Load(TestOptions.Configuration((DeviceList.FileKey, _file))));

        Assert.StartsWith($"--devices {_file}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysWhichFile()
    {
        var error = Assert.Throws<GatewayConfigurationException>(() => DeviceList.Load(TestOptions.Configuration((DeviceList.FileKey, _file))));

        Assert.StartsWith($"--devices {_file}:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
