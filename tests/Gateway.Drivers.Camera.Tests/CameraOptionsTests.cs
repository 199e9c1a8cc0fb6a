using Microsoft.Extensions.Configuration;

namespace Gateway.Drivers.Camera.Tests;

public sealed class CameraOptionsTests
{
    private readonly CameraDriverFactory _factory = new();

    [Fact]
    public void Validate_SourceOnly_UsesTheDefaults()
    {
        Assert.Empty(_factory.Validate(Settings(("Source", "0"))));
    }

    [Theory]
    [InlineData("PixelFormat", "MJPEG")]
    [InlineData("CascadePath", "/nonexistent/face.xml")]
    [InlineData("StableFrames", "0")]
    [InlineData("Mode", "Selfie")]
    [InlineData("Colour", "yes")]
    public void Validate_BadValue_NamesTheKey(string key, string value)
    {
        var errors = _factory.Validate(Settings(("Source", "0"), (key, value)));

        Assert.Contains(errors, e => e.Key.EndsWith(":" + key, StringComparison.Ordinal) || e.Message.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoSource_IsAnError()
    {
        Assert.Contains(_factory.Validate(Settings()), e => e.Key.EndsWith(":Source", StringComparison.Ordinal));
    }

    [Fact]
    public void Factory_NameAndClass()
    {
        Assert.Equal(("camera", DeviceClass.Camera), (_factory.Name, _factory.DeviceClass));
        Assert.Contains(CameraDrivers.Factories, f => f.Name == "camera");
    }

    private static IConfigurationSection Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Devices:0:Settings:" + v.Key, v.Value)))
            .Build()
            .GetSection("Devices:0:Settings");
}
