using Gateway.Drivers.Serial.Framing;
using Microsoft.Extensions.Configuration;

namespace Gateway.Drivers.Serial.Tests;

public sealed class SerialReaderOptionsTests
{
    private static IReadOnlyList<DriverSettingError> Validate(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"Devices:0:Settings:{s.Key}", s.Value)))
            .Build();
        return new SerialReaderFactory().Validate(configuration.GetSection("Devices:0:Settings"));
    }

    [Fact]
    public void Validate_PortOnly_IsValidWithTheDocumentedDefaults()
    {
        Assert.Empty(Validate(("Port", "/dev/ttyUSB0")));
        var defaults = new SerialReaderOptions { Port = "/dev/ttyUSB0" };
        Assert.Equal((9600, 8, "lines"), (defaults.BaudRate, defaults.DataBits, defaults.Profile));
    }

    [Fact]
    public void Validate_UnknownProfile_NamesTheKeyAndTheKnownProfiles()
    {
        var error = Assert.Single(Validate(("Port", "COM3"), ("Profile", "acme")));

        Assert.Equal("Devices:0:Settings:Profile", error.Key);
        Assert.Contains("desko-cute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPort_NamesThePortKey()
    {
        Assert.Equal("Devices:0:Settings:Port", Assert.Single(Validate(("Profile", "desko-cute"))).Key);
    }

    [Fact]
    public void Validate_BadSentinelAndTimeout_AreEachErrorsNamingTheirKeys()
    {
        var errors = Validate(("Port", "COM3"), ("Profile", "desko-cute"), ("StartSentinel", "zz"), ("InterByteTimeout", "00:00:00"));

        Assert.Equal(["Devices:0:Settings:InterByteTimeout", "Devices:0:Settings:StartSentinel"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public void Validate_UnknownKey_IsAnError()
    {
        Assert.NotEmpty(Validate(("Port", "COM3"), ("Baudrate2", "9600")));
    }

    [Fact]
    public void ToProfile_Overrides_ReplaceOnlyTheirPart()
    {
        var profile = new SerialReaderOptions
        {
            Port = "COM3",
            Profile = "desko-cute",
            StartSentinel = "1B 02",
            BlockCheck = BlockCheck.Sum,
            InterByteTimeout = TimeSpan.FromMilliseconds(500),
        }.ToProfile();

        Assert.Equal([0x1B, 0x02], profile.Channels[0].Start.ToArray());
        Assert.Equal(FrameProfiles.DeskoCute.Channels[0].End.ToArray(), profile.Channels[0].End.ToArray());
        Assert.Equal(FrameProfiles.DeskoCute.Channels[1].Start.ToArray(), profile.Channels[1].Start.ToArray());
        Assert.Equal((BlockCheck.Sum, TimeSpan.FromMilliseconds(500)), (profile.BlockCheck, profile.InterByteTimeout));
    }
}
