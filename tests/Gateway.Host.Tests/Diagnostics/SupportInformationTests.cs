using Gateway.Host.Diagnostics;

namespace Gateway.Host.Tests.Diagnostics;

public sealed class SupportInformationTests
{
    [Theory]
    [InlineData("Gateway:Diagnostics:TechnicianKey", "s3cret")]
    [InlineData("Kestrel:Certificates:Default:Password", "hunter2")]
    [InlineData("Kestrel:Certificates:Default:Path", "/etc/booth/cert.pfx")]
    [InlineData("Gateway:Security:Tokens:0:Sha256", "ab12")]
    [InlineData("Gateway:Devices:0:Settings:ApiToken", "t0k3n")]
    [InlineData("Gateway:Journal:KeyFile", "/var/lib/booth/journal.key")]
    [InlineData("Gateway:Devices:1:Settings:ClientSecret", "x")]
    [InlineData("Gateway:Telemetry:Otlp:Headers", "api-key=abc")]
    public void Redact_KeyNamingASecret_IsStars(string key, string value) =>
        Assert.Equal("***", SupportInformation.Redact(key, value));

    [Theory]
    [InlineData("Gateway:Language", "fr")]
    [InlineData("Gateway:Devices:0:Settings:IntervalSeconds", "5")]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:50051")]
    public void Redact_OrdinaryKey_KeepsTheValue(string key, string value) =>
        Assert.Equal(value, SupportInformation.Redact(key, value));

    [Fact]
    public void Redact_UrlWithItsLogin_DropsTheLogin()
    {
        var redacted = SupportInformation.Redact("Gateway:Devices:0:Settings:Source", "rtsp://admin:p4ss@10.0.0.9:554/stream1");

        Assert.Equal("rtsp://***@10.0.0.9:554/stream1", redacted);
    }

    [Fact]
    public void Redact_EmptySecret_StaysEmpty_SoAMissingSecretIsVisible() =>
        Assert.Equal(string.Empty, SupportInformation.Redact("Gateway:Diagnostics:TechnicianKey", string.Empty));
}
