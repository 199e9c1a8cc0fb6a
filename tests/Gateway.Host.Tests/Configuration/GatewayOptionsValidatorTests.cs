using Gateway.Drivers.Simulated;
using Gateway.Host.Configuration;
using Gateway.Host.Devices;

namespace Gateway.Host.Tests.Configuration;

public sealed class GatewayOptionsValidatorTests
{
    private static readonly GatewayOptionsValidator Validator = new(new DriverCatalog(SimulatedDrivers.Factories, Gateway.Host.Plugins.DriverPackages.Empty));

    private static IEnumerable<string> Failures(Action<GatewayOptions>? configure, params (string Key, string? Value)[] devices)
    {
        var result = Validator.Validate(null, TestOptions.Gateway(configure, devices).Value);
        return result.Failures ?? [];
    }

    [Fact]
    public void Validate_SimulatedDevices_Succeeds()
    {
        Assert.Empty(Failures(
            null,
            ("Gateway:Devices:0:Id", "reader-1"),
            ("Gateway:Devices:0:Driver", "simulated-document"),
            ("Gateway:Devices:0:Settings:IntervalSeconds", "2"),
            ("Gateway:Devices:1:Id", "camera-1"),
            ("Gateway:Devices:1:Driver", "SIMULATED-CAMERA")));
    }

    [Fact]
    public void Validate_UnknownDriver_NamesTheKeyAndTheKnownDrivers()
    {
        var failure = Assert.Single(Failures(null, ("Gateway:Devices:0:Id", "x"), ("Gateway:Devices:0:Driver", "acme-9000")));
        Assert.StartsWith("Gateway:Devices:0:Driver: unknown driver 'acme-9000'", failure, StringComparison.Ordinal);
        Assert.Contains("simulated-document", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SettingOutOfRange_NamesTheSettingKey()
    {
        var failure = Assert.Single(Failures(
            null,
            ("Gateway:Devices:0:Id", "camera-1"),
            ("Gateway:Devices:0:Driver", "simulated-camera"),
            ("Gateway:Devices:0:Settings:Width", "5")));
        Assert.StartsWith("Gateway:Devices:0:Settings:Width:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SettingThatDoesNotConvert_NamesTheSettingKey()
    {
        var failure = Assert.Single(Failures(
            null,
            ("Gateway:Devices:0:Id", "reader-1"),
            ("Gateway:Devices:0:Driver", "simulated-document"),
            ("Gateway:Devices:0:Settings:IntervalSeconds", "often")));
        Assert.Contains("Gateway:Devices:0:Settings:IntervalSeconds", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownSetting_IsAnError()
    {
        var failure = Assert.Single(Failures(
            null,
            ("Gateway:Devices:0:Id", "reader-1"),
            ("Gateway:Devices:0:Driver", "simulated-document"),
            ("Gateway:Devices:0:Settings:IntervalSecond", "2")));
        Assert.Contains("IntervalSecond", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateAndMissingIds_AreErrors()
    {
        var failures = Failures(
            null,
            ("Gateway:Devices:0:Id", "reader-1"),
            ("Gateway:Devices:0:Driver", "simulated-document"),
            ("Gateway:Devices:1:Id", "READER-1"),
            ("Gateway:Devices:1:Driver", "simulated-document"),
            ("Gateway:Devices:2:Driver", "simulated-document")).ToList();
        Assert.Equal(2, failures.Count);
        Assert.StartsWith("Gateway:Devices:1:Id: 'READER-1' is used by another device", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Gateway:Devices:2:Id:", failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoDevicesAndBadLanguage_AreErrors()
    {
        var failures = Failures(o => o.Language = "de").ToList();
        Assert.Contains(failures, f => f.StartsWith("Gateway:Language:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Gateway:Devices: no device", StringComparison.Ordinal));
    }
}
