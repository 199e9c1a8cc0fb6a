using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Contracts.V1;
using Gateway.EndToEnd.Tests.Journal;
using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.EndToEnd.Tests.Security;

/// <summary>Plaintext on loopback only; TLS with a certificate from configuration; client certificates mapped to booths.</summary>
public sealed class TransportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-tls-").FullName;
    private readonly X509Certificate2 _server = SelfSigned("CN=booth-gateway", serverName: true);
    private readonly X509Certificate2 _booth = SelfSigned("CN=booth-7", serverName: false);

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public void Dispose()
    {
        _server.Dispose();
        _booth.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static X509Certificate2 SelfSigned(string subject, bool serverName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (serverName)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so TLS on Linux can use the private key.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "p"), "p");
    }

    private string ServerCertificateFile()
    {
        var path = Path.Combine(_folder, "gateway.pfx");
        File.WriteAllBytes(path, _server.Export(X509ContentType.Pfx, "test-password"));
        return path;
    }

    private Task<RunningGateway> StartTls(params string[] extra) => RunningGateway.StartAsync(
        [RunningGateway.Device("reader-1", "simulated-document")],
        [
            "--Kestrel:Endpoints:Grpc:Url", "https://0.0.0.0:0",
            "--Kestrel:Endpoints:Grpc:Certificate:Path", ServerCertificateFile(),
            "--Kestrel:Endpoints:Grpc:Certificate:Password", "test-password",
            .. extra,
        ]);

    /// <summary>A client that trusts exactly the gateway's certificate, optionally presenting a client certificate.</summary>
    private GrpcChannel Connect(RunningGateway gateway, X509Certificate2? clientCertificate)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _server.Thumbprint,
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificates.Add(clientCertificate);
        }

        return GrpcChannel.ForAddress($"https://127.0.0.1:{gateway.Address.Port}", new GrpcChannelOptions { HttpHandler = handler });
    }

    [Fact]
    public async Task PlaintextOnANetworkAddress_GatewayRefusesToStartSayingWhy()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Gateway.Host.dll"),
            "--Kestrel:Endpoints:Grpc:Url", $"http://0.0.0.0:{GatewayProcess.FreePort()}",
            "--Gateway:Journal:Folder", _folder,
            "--Gateway:Journal:KeyFile", Path.Combine(_folder, "journal.key"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Timeout);
        var error = await process.StandardError.ReadToEndAsync(Timeout);
        await process.WaitForExitAsync(Timeout);
        await output;

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Kestrel:Endpoints:Grpc:Url: 'http://0.0.0.0:", error, StringComparison.Ordinal);
        Assert.Contains("without TLS", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsOnANetworkAddress_ServesWithTheConfiguredCertificateAndNoPlaintext()
    {
        await using var gateway = await StartTls();
        using var tls = Connect(gateway, null);
        using var plaintext = GrpcChannel.ForAddress($"http://127.0.0.1:{gateway.Address.Port}");

        var devices = await new DeviceService.DeviceServiceClient(tls).ListDevicesAsync(new ListDevicesRequest(), cancellationToken: Timeout);

        Assert.Equal("reader-1", Assert.Single(devices.Devices).Id);
        await Assert.ThrowsAsync<RpcException>(() =>
            new DeviceService.DeviceServiceClient(plaintext).ListDevicesAsync(new ListDevicesRequest(), cancellationToken: Timeout).ResponseAsync);
    }

    [Fact]
    public async Task ClientCertificate_MapsToItsBoothIdentityAndRole()
    {
        await using var gateway = await StartTls(
            "--Gateway:Security:ClientCertificates:0:Identity", "booth-7",
            "--Gateway:Security:ClientCertificates:0:Role", "Booth",
            "--Gateway:Security:ClientCertificates:0:Thumbprint", _booth.GetCertHashString(HashAlgorithmName.SHA256),
            "--Gateway:Journal:Consumers:0", "booth-7");
        using var booth = Connect(gateway, _booth);
        using var anonymous = Connect(gateway, null);
        var captures = new CaptureService.CaptureServiceClient(booth);

        var capture = await captures.TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, cancellationToken: Timeout);
        var acknowledged = await captures.AcknowledgeAsync(new AcknowledgeRequest { CaptureIds = { capture.Id } }, cancellationToken: Timeout);
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            new DeviceService.DeviceServiceClient(booth).EnableDeviceAsync(new EnableDeviceRequest { DeviceId = "reader-1" }, cancellationToken: Timeout).ResponseAsync);
        var unauthenticated = await Assert.ThrowsAsync<RpcException>(() =>
            new CaptureService.CaptureServiceClient(anonymous).TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "reader-1" }, cancellationToken: Timeout).ResponseAsync);

        // Released only because the certificate made the caller "booth-7", the configured consumer.
        Assert.Equal(1U, acknowledged.Released);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
    }
}
