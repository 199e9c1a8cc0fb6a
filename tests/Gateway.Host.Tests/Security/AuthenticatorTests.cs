using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gateway.Host.Configuration;
using Gateway.Host.Security;

namespace Gateway.Host.Tests.Security;

public sealed class AuthenticatorTests
{
    private const string BoothToken = "b00th-t0ken-generated-for-this-test-7f3a9c";

    private static string Sha256(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static Authenticator With(Action<SecurityOptions>? configure = null) =>
        new(TestOptions.Gateway(o => configure?.Invoke(o.Security)));

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public void Authenticate_NoCredentialConfigured_LetsLoopbackInAsAdminOnly()
    {
        var authenticator = With();

        Assert.Equal(Caller.Local, authenticator.Authenticate(null, null, IPAddress.Loopback));
        Assert.Equal(Caller.Local, authenticator.Authenticate(null, null, IPAddress.IPv6Loopback));
        Assert.Null(authenticator.Authenticate(null, null, IPAddress.Parse("192.168.1.20")));
    }

    [Fact]
    public void Authenticate_Token_MapsToItsIdentityAndRole()
    {
        var authenticator = With(s => s.Tokens.Add(new() { Identity = "booth-1", Role = Role.Booth, Sha256 = Sha256(BoothToken).ToLowerInvariant() }));

        Assert.Equal(new Caller("booth-1", Role.Booth), authenticator.Authenticate(null, "Bearer " + BoothToken, IPAddress.Loopback));
        Assert.Null(authenticator.Authenticate(null, "Bearer " + BoothToken + "x", IPAddress.Loopback));
        // Once a credential is configured, loopback alone is not enough.
        Assert.Null(authenticator.Authenticate(null, null, IPAddress.Loopback));
    }

    [Fact]
    public void Authenticate_ClientCertificate_MapsByItsSha256Thumbprint()
    {
        using var known = SelfSigned("CN=booth-7");
        using var stranger = SelfSigned("CN=booth-7");
        var thumbprint = string.Join(':', Convert.FromHexString(Authenticator.Thumbprint(known)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        var authenticator = With(s => s.ClientCertificates.Add(new() { Identity = "booth-7", Role = Role.Booth, Thumbprint = thumbprint }));

        Assert.Equal(new Caller("booth-7", Role.Booth), authenticator.Authenticate(known, null, IPAddress.Parse("10.0.0.7")));
        Assert.Null(authenticator.Authenticate(stranger, null, IPAddress.Parse("10.0.0.7")));
    }

    [Fact]
    public void MayCall_AdminEverything_OthersTheirRoles()
    {
        Assert.True(new Caller("a", Role.Admin).MayCall([]));
        Assert.True(new Caller("b", Role.Booth).MayCall(MethodRoles.For("/gateway.v1.CaptureService/WatchCaptures")));
        Assert.False(new Caller("t", Role.Technician).MayCall(MethodRoles.For("/gateway.v1.CaptureService/WatchCaptures")));
        Assert.False(new Caller("t", Role.Technician).MayCall(MethodRoles.For("/gateway.v1.SessionService/RunSession")));
        Assert.True(new Caller("t", Role.Technician).MayCall(MethodRoles.For("/gateway.v1.DeviceService/EnableDevice")));
        Assert.False(new Caller("b", Role.Booth).MayCall(MethodRoles.For("/gateway.v1.DeviceService/EnableDevice")));
        Assert.False(new Caller("b", Role.Booth).MayCall(MethodRoles.For("/gateway.v1.NewService/Unlisted")));
    }

    [Fact]
    public void Validate_BadCredentials_NameTheirKeys()
    {
        var options = TestOptions.Gateway(o =>
        {
            o.Security.Tokens.Add(new() { Identity = "booth-1", Role = Role.Booth, Sha256 = "not-a-hash" });
            o.Security.ClientCertificates.Add(new() { Identity = "", Role = Role.None, Thumbprint = "AB" });
            o.Journal.Consumers.Add("archive");
        }).Value;

        var errors = SecurityValidation.Validate(options).ToList();

        Assert.Contains(errors, e => e.StartsWith("Gateway:Security:Tokens:0:Sha256:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Security:ClientCertificates:0:Identity:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Security:ClientCertificates:0:Role:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Security:ClientCertificates:0:Thumbprint:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Journal:Consumers: 'archive'", StringComparison.Ordinal));
    }
}
