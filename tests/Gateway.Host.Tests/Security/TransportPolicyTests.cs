using Gateway.Host.Configuration;
using Gateway.Host.Security;

namespace Gateway.Host.Tests.Security;

public sealed class TransportPolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:50051")]
    [InlineData("http://localhost:50051")]
    [InlineData("http://[::1]:50051")]
    public void Check_PlaintextOnLoopback_IsAllowed(string url) =>
        TransportPolicy.Check(TestOptions.Configuration(("Kestrel:Endpoints:Grpc:Url", url)));

    [Theory]
    [InlineData("http://0.0.0.0:50051")]
    [InlineData("http://192.168.1.20:50051")]
    [InlineData("http://*:50051")]
    [InlineData("http://booth-pc:50051")]
    public void Check_PlaintextOnTheNetwork_RefusesNamingTheKey(string url)
    {
        var error = Assert.Throws<GatewayConfigurationException>(() => TransportPolicy.Check(TestOptions.Configuration(("Kestrel:Endpoints:Grpc:Url", url))));

        Assert.StartsWith("Kestrel:Endpoints:Grpc:Url:", error.Message, StringComparison.Ordinal);
        Assert.Contains("without TLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TlsWithoutCertificate_Refuses()
    {
        var error = Assert.Throws<GatewayConfigurationException>(() => TransportPolicy.Check(TestOptions.Configuration(("Kestrel:Endpoints:Grpc:Url", "https://0.0.0.0:50051"))));

        Assert.Contains("Certificate:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TlsWithACertificate_IsAllowed()
    {
        TransportPolicy.Check(TestOptions.Configuration(
            ("Kestrel:Endpoints:Grpc:Url", "https://0.0.0.0:50051"), ("Kestrel:Endpoints:Grpc:Certificate:Path", "gateway.pfx")));
        TransportPolicy.Check(TestOptions.Configuration(
            ("Kestrel:Endpoints:Grpc:Url", "https://0.0.0.0:50051"), ("Kestrel:Certificates:Default:Path", "gateway.pfx")));
    }

    [Fact]
    public void Check_UrlsKey_IsCheckedToo() =>
        Assert.Throws<GatewayConfigurationException>(() => TransportPolicy.Check(TestOptions.Configuration(("urls", "http://127.0.0.1:5000;http://0.0.0.0:5001"))));
}
